namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>
/// Who the release commit and tag are by: @semantic-release/git's defaults (semantic-release-bot) unless
/// GIT_AUTHOR_NAME/EMAIL and GIT_COMMITTER_NAME/EMAIL say otherwise.
/// </summary>
internal sealed record GitIdentityNames(string AuthorName, string AuthorEmail, string CommitterName, string CommitterEmail)
{
    public const string BotName = "semantic-release-bot";
    public const string BotEmail = "semantic-release-bot@martynus.net";

    public static GitIdentityNames From(IReadOnlyDictionary<string, string?> environment)
    {
        string Get(string name, string fallback) => environment.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : fallback;
        var authorName = Get("GIT_AUTHOR_NAME", BotName);
        var authorEmail = Get("GIT_AUTHOR_EMAIL", BotEmail);
        return new GitIdentityNames(authorName, authorEmail, Get("GIT_COMMITTER_NAME", authorName), Get("GIT_COMMITTER_EMAIL", authorEmail));
    }
}
