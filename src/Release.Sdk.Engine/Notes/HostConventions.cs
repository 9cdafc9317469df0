namespace Release.Sdk.Engine.Notes;

/// <summary>
/// release-notes-generator 14.1.1 lib/hosts-config.js: per host name, the path segments of issue and commit links
/// and the keywords the commit parser treats as issue references. Hosts are matched by exact host name, so a
/// self-hosted GitLab or Azure DevOps gets the defaults.
/// </summary>
internal sealed record HostConventions(string Issue, string Commit, IReadOnlyList<string> ReferenceActions, IReadOnlyList<string> IssuePrefixes)
{
    private static readonly HostConventions GitHub = new("issues", "commit",
        ["close", "closes", "closed", "fix", "fixes", "fixed", "resolve", "resolves", "resolved"], ["#", "gh-"]);

    private static readonly HostConventions Bitbucket = new("issue", "commits",
        ["close", "closes", "closed", "closing", "fix", "fixes", "fixed", "fixing", "resolve", "resolves", "resolved", "resolving"], ["#"]);

    private static readonly HostConventions GitLab = new("issues", "commit",
        ["close", "closes", "closed", "closing", "fix", "fixes", "fixed", "fixing"], ["#"]);

    private static readonly HostConventions Default = new("issues", "commit",
        ["close", "closes", "closed", "closing", "fix", "fixes", "fixed", "fixing", "resolve", "resolves", "resolved", "resolving"], ["#", "gh-"]);

    public static HostConventions For(string? hostname) => hostname switch
    {
        "github.com" => GitHub,
        "bitbucket.org" => Bitbucket,
        "gitlab.com" => GitLab,
        _ => Default,
    };
}
