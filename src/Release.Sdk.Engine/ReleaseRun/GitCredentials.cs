namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>
/// An HTTPS token for pushes, read from an environment variable (GITHUB_TOKEN / GH_TOKEN or the one a property names),
/// never from a property value. <see cref="ToString"/> is redacted so the token cannot leak through logging.
/// </summary>
internal sealed record GitCredentials(string Token, string UserName = "x-access-token")
{
    public override string ToString() => $"GitCredentials {{ UserName = {UserName}, Token = *** }}";
}
