using System.Data.Common;
using System.Security.Cryptography;

namespace Sample;

public static class Orders
{
    // The customer travels as a parameter, never as SQL text.
    public static DbCommand FindByCustomer(DbConnection connection, string customer)
    {
        var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM Orders WHERE Customer = @customer";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@customer";
        parameter.Value = customer;
        command.Parameters.Add(parameter);
        return command;
    }

    public static byte[] Fingerprint(byte[] data) => SHA256.HashData(data);
}
