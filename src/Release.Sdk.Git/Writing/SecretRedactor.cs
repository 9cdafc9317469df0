using Release.Sdk.Engine.ReleaseRun;
using Release.Sdk.Git.Shallow;

namespace Release.Sdk.Git.Writing;

/// <summary>
/// Removes a token, the basic-auth header made from it, and any <c>user:password@</c> in URLs from text that is about
/// to become a message, an exception or a push result.
/// </summary>
internal sealed class SecretRedactor
{
    private const string Mask = "***";
    private readonly string[] _secrets;

    public SecretRedactor(GitCredentials? credentials)
    {
        _secrets = credentials is null || credentials.Token.Length == 0
            ? []
            : new[] { BasicAuthorization.Encode(credentials), credentials.Token, Uri.EscapeDataString(credentials.Token) }
                .Distinct(StringComparer.Ordinal)
                .OrderByDescending(s => s.Length)
                .ToArray();
    }

    public string Redact(string text)
    {
        foreach (var secret in _secrets) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        return CredentialScrubber.Scrub(text);
    }
}
