using System.Security.Cryptography;
using System.Text;

namespace Release.Sdk.Router;

/// <summary>
/// Every admin request needs <c>Authorization: Bearer TOKEN</c>. Both sides are hashed before the constant-time compare so
/// neither the content nor the length of the token leaks through timing.
/// </summary>
internal sealed class AdminAuthentication(string token)
{
    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public bool IsAuthorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, _expected);
    }

    public async Task RequireTokenAsync(HttpContext context, Func<Task> next)
    {
        if (IsAuthorized(context.Request))
        {
            await next();
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
    }
}
