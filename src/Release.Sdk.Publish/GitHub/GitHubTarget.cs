using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Notes;

namespace Release.Sdk.Publish.GitHub;

/// <summary>
/// The repository the release goes to and the API that serves it: github.com → https://api.github.com; GitHub
/// Enterprise Server → https://host/api/v3 (or the configured API URL, or $GITHUB_API_URL on an Actions runner of that host).
/// </summary>
internal sealed record GitHubTarget(string Owner, string Name, Uri ApiUrl, string WebUrl)
{
    public const string GitHubComApi = "https://api.github.com";

    public string FullName => $"{Owner}/{Name}";

    /// <summary>The target, or null when the remote is not GitHub and nothing says it is (the plugin then stays out of the run).</summary>
    public static GitHubTarget? Resolve(string? repositoryUrl, GitHubOptions options, Func<string, string?> variable)
    {
        var parsed = RepositoryUrl.Parse(repositoryUrl);
        var onGitHubCom = parsed?.Kind == HostKind.GitHub;
        var serverUrl = variable("GITHUB_SERVER_URL");
        // On an Actions runner of a GitHub Enterprise Server, GITHUB_SERVER_URL names the host the repository lives on.
        var onActionsHost = parsed is not null && serverUrl is not null && Uri.TryCreate(serverUrl, UriKind.Absolute, out var server)
            && string.Equals(server.Host, parsed.Hostname, StringComparison.OrdinalIgnoreCase);
        if (!onGitHubCom && !onActionsHost && !options.Explicit) return null;

        if (parsed?.Owner is null || parsed.Repository is null || parsed.Repository.Contains('/', StringComparison.Ordinal))
            throw new ReleaseException(DiagnosticCatalog.GitHubRepositoryUnknown,
                $"The repository URL '{Describe(repositoryUrl)}' does not name a GitHub repository as https://host/owner/repository. " +
                "Set RepositoryUrl (MSBuild) or repositoryUrl (.releaserc.json) to the GitHub repository, or point the 'origin' remote at it; " +
                "set ReleaseGitHub=false to release without a GitHub release.");

        var api = options.ApiUrl
            ?? (onActionsHost && !onGitHubCom ? variable("GITHUB_API_URL") : null)
            ?? (onGitHubCom ? GitHubComApi : $"{parsed.Host}/api/v3");
        if (!Uri.TryCreate(api, UriKind.Absolute, out var apiUri) || apiUri.Scheme is not ("http" or "https"))
            throw GitHubSettingsReader.Invalid("apiUrl", api, "an absolute http(s) URL such as https://api.github.com or https://ghe.example.com/api/v3");
        return new GitHubTarget(parsed.Owner, parsed.Repository, apiUri, parsed.WebUrl);
    }

    /// <summary>The URL without credentials, for messages.</summary>
    private static string Describe(string? url) =>
        url is null ? "(none)" : System.Text.RegularExpressions.Regex.Replace(url, "//[^/@]*@", "//");
}

/// <summary>The token: the variable named by ReleaseGitHubTokenVariable, else GITHUB_TOKEN, else GH_TOKEN (as semantic-release).</summary>
internal static class GitHubToken
{
    public static string? Find(GitHubOptions options, Func<string, string?> variable) =>
        options.TokenVariable is { } named ? variable(named) : variable("GITHUB_TOKEN") ?? variable("GH_TOKEN");

    public static string Where(GitHubOptions options) =>
        options.TokenVariable is { } named ? $"the environment variable {named} (ReleaseGitHubTokenVariable)" : "GITHUB_TOKEN or GH_TOKEN";
}
