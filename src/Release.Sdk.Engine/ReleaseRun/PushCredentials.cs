using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>
/// The token for pushing over HTTP(S), from the environment only (a property value would end up in logs and binlogs).
/// Other remotes (ssh, local paths) authenticate themselves and need none.
/// </summary>
internal static class PushCredentials
{
    public static GitCredentials? For(string remoteUrl, string? tokenVariable, IReadOnlyDictionary<string, string?> environment)
    {
        if (!remoteUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !remoteUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) return null;
        string? Get(string name) => environment.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
        var token = tokenVariable is not null ? Get(tokenVariable) : Get("GITHUB_TOKEN") ?? Get("GH_TOKEN");
        if (token is not null) return new GitCredentials(token);
        var where = tokenVariable is not null ? $"the environment variable {tokenVariable} (named by ReleaseTokenVariable)" : "GITHUB_TOKEN or GH_TOKEN";
        throw new ReleaseException(DiagnosticCatalog.PushTokenMissing,
            $"The release is pushed to {remoteUrl} over HTTPS, but {where} is not set. In GitHub Actions add 'env: GITHUB_TOKEN: ${{{{ secrets.GITHUB_TOKEN }}}}' " +
            "(with 'permissions: contents: write') to the release step, or set ReleaseTokenVariable to the name of the variable that holds the token. " +
            "Never put the token itself in a property. A dry run (--dry-run) needs no token.");
    }
}
