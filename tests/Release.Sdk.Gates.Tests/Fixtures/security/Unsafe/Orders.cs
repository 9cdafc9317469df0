using System.Data.Common;
using System.Security.Cryptography;

namespace Sample;

public static class Orders
{
    // SQL injection: user input concatenated into the query text (CA2100).
    public static DbCommand FindByCustomer(DbConnection connection, string customer)
    {
        var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM Orders WHERE Customer = '" + customer + "'";
        return command;
    }

    // Broken hash algorithm (CA5351).
    public static byte[] Fingerprint(byte[] data) => MD5.HashData(data);
}
