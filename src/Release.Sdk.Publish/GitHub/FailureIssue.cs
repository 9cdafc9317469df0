using System.Globalization;
using Octokit;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Publish.GitHub;

/// <summary>
/// The failure issue, like @semantic-release/github's fail step: ONE open issue titled failTitle that a failed release
/// opens (or comments on, when it is already open) with the error's code, message and what to do; the next successful
/// release closes it. Issues are found by title search and recognised by a hidden marker in their body (semantic-release's
/// own marker counts too, so an issue it opened is reused).
/// </summary>
internal static class FailureIssue
{
    public const string Marker = "<!-- release-sdk:github failure -->";
    private const string SemanticReleaseMarker = "<!-- semantic-release:github -->";

    public static IReadOnlyList<Issue> FindOpen(GitHubSession s)
    {
        var query = $"repo:{s.Target.FullName} type:issue state:open in:title \"{s.Options.FailTitle.Replace("\"", "", StringComparison.Ordinal)}\"";
        var result = s.Call("searching for the failure issue", DiagnosticCatalog.GitHubFailIssueFailed,
            _ => s.Client.Connection.Get<SearchIssuesResult>(s.Api("search/issues"), new Dictionary<string, string> { ["q"] = query }));
        return result.Body.Items
            .Where(i => i.Body?.Contains(Marker, StringComparison.Ordinal) == true || i.Body?.Contains(SemanticReleaseMarker, StringComparison.Ordinal) == true)
            .ToList();
    }

    public static void Report(GitHubSession s, ReleaseContext context, ReleaseException error)
    {
        var body = Body(s.Options, context, error);
        var open = FindOpen(s);
        if (open.Count > 0)
        {
            var issue = open[0];
            s.Call($"commenting on the failure issue #{issue.Number}", DiagnosticCatalog.GitHubFailIssueFailed,
                _ => s.Client.Issue.Comment.Create(s.Owner, s.Repo, issue.Number, body));
            context.Log($"updated the failure issue: {issue.HtmlUrl}");
            return;
        }
        var request = new NewIssue(s.Options.FailTitle) { Body = body + "\n\n" + Marker };
        foreach (var label in s.Options.FailLabels) request.Labels.Add(label);
        foreach (var assignee in s.Options.Assignees) request.Assignees.Add(assignee);
        var created = s.Call("opening the failure issue", DiagnosticCatalog.GitHubFailIssueFailed, _ => s.Client.Issue.Create(s.Owner, s.Repo, request));
        context.Log($"opened the failure issue: {created.HtmlUrl}");
    }

    /// <summary>Closes the open failure issues after a successful release; returns their numbers (they get no "released in" comment).</summary>
    public static IReadOnlyList<int> CloseResolved(GitHubSession s, ReleaseContext context, string releaseUrl)
    {
        var closed = new List<int>();
        foreach (var issue in FindOpen(s))
        {
            s.Call($"closing the failure issue #{issue.Number}", DiagnosticCatalog.GitHubFailIssueFailed, async _ =>
            {
                await s.Client.Issue.Comment.Create(s.Owner, s.Repo, issue.Number,
                    $"The release {context.Tag} succeeded: {releaseUrl}. Closing this issue.").ConfigureAwait(false);
                return await s.Client.Issue.Update(s.Owner, s.Repo, issue.Number, new IssueUpdate { State = ItemState.Closed }).ConfigureAwait(false);
            });
            context.Log($"closed the failure issue #{issue.Number.ToString(CultureInfo.InvariantCulture)}");
            closed.Add(issue.Number);
        }
        return closed;
    }

    public static string Body(GitHubOptions options, ReleaseContext context, ReleaseException error)
    {
        var errorText = $"### {error.Code}: {error.Descriptor.Title}\n\n{error.Message}\n\nSee {error.Descriptor.HelpLink}";
        if (options.FailCommentTemplate is { } template)
        {
            var values = GitHubTemplate.Values(context);
            values["errors"] = errorText;
            return GitHubTemplate.Render(template, values, "failComment");
        }
        var branch = context.Branch is { Length: > 0 } b ? $" from the `{b}` branch" : "";
        return $"## :rotating_light: The automated release{branch} failed. :rotating_light:\n\n" +
               "The error below was reported by Release.Sdk's release run. Releases stay blocked until it is fixed; " +
               "the next successful release closes this issue.\n\n" +
               errorText + "\n\n" +
               "Once the cause is fixed, push a commit or re-run the failed CI job: a rerun finishes an interrupted release without duplicates.\n\n" +
               "---\n\nYour **Release.Sdk** bot :package::rocket:";
    }
}
