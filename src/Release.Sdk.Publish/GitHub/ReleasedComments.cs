using System.Globalization;
using Octokit;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Publish.GitHub;

/// <summary>
/// The success step's "released in" notes, like @semantic-release/github: every issue and pull request referenced by
/// the released commits (<c>#12</c>, <c>Closes #12</c>, <c>owner/repo#12</c> of this repository) and every merged pull
/// request that contains one of them (GET commits/{sha}/pulls) gets ONE comment and the released labels. A rerun does
/// not comment twice: the journal remembers each issue, and the comment carries a hidden marker that is looked for
/// before commenting (the journal can be lost with a crash between comment and note). A missing or locked issue, or
/// a refused comment, is a warning (RSDK6010): the release is out either way.
/// </summary>
internal static class ReleasedComments
{
    public static string Marker(string tag) => $"<!-- release-sdk:released {tag} -->";

    public static void Post(GitHubSession s, ReleaseContext context, string releaseUrl, IReadOnlyCollection<int> skip)
    {
        if (s.Options.SuccessCommentDisabled && s.Options.ReleasedLabels is { Count: 0 }) return;
        var numbers = Referenced(s, context).Union(AssociatedPullRequests(s, context)).Where(n => !skip.Contains(n)).Order().ToList();
        if (numbers.Count == 0)
        {
            context.Log("no issue or pull request to tell about the release");
            return;
        }
        var labels = Labels(s.Options, context);
        foreach (var number in numbers)
        {
            var key = $"github:released-in:{number.ToString(CultureInfo.InvariantCulture)}";
            if (context.Journal.IsDone(key)) continue;
            try
            {
                var outcome = s.Call($"commenting on #{number}", DiagnosticCatalog.GitHubCommentFailed, ct => Tell(s, context, number, releaseUrl, labels));
                context.Log($"#{number}: {outcome}");
                context.Journal.MarkDone(key);
            }
            catch (ReleaseException e)
            {
                context.Warnings.Add(new Diagnostic(DiagnosticCatalog.GitHubCommentFailed, e.Message));
            }
        }
    }

    public static IReadOnlyList<string> Labels(GitHubOptions options, ReleaseContext context)
    {
        // semantic-release's default: released<%= nextRelease.channel ? ` on @${nextRelease.channel}` : "" %>
        if (options.ReleasedLabels is null)
            return [context.Channel is { Length: > 0 } channel ? $"released on @{channel}" : "released"];
        var values = GitHubTemplate.Values(context);
        return options.ReleasedLabels.Select(t => GitHubTemplate.Render(t, values, "releasedLabels").Trim()).Where(l => l.Length > 0).Distinct().ToList();
    }

    private static async Task<string> Tell(GitHubSession s, ReleaseContext context, int number, string releaseUrl, IReadOnlyList<string> labels)
    {
        Issue issue;
        try
        {
            issue = await s.Client.Issue.Get(s.Owner, s.Repo, number).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return "does not exist in this repository; skipped";
        }
        if (issue.Locked) return "is locked; skipped";

        var done = new List<string>();
        if (!s.Options.SuccessCommentDisabled)
        {
            var marker = Marker(context.Tag!);
            var comments = await s.Client.Issue.Comment.GetAllForIssue(s.Owner, s.Repo, number).ConfigureAwait(false);
            if (comments.Any(c => c.Body?.Contains(marker, StringComparison.Ordinal) == true))
            {
                done.Add("already commented");
            }
            else
            {
                await s.Client.Issue.Comment.Create(s.Owner, s.Repo, number, Comment(s.Options, context, issue, releaseUrl)).ConfigureAwait(false);
                done.Add("commented");
            }
        }
        if (labels.Count > 0)
        {
            await s.Client.Issue.Labels.AddToIssue(s.Owner, s.Repo, number, labels.ToArray()).ConfigureAwait(false);
            done.Add("labelled " + string.Join(", ", labels));
        }
        return string.Join("; ", done);
    }

    public static string Comment(GitHubOptions options, ReleaseContext context, Issue issue, string releaseUrl)
    {
        string text;
        if (options.SuccessCommentTemplate is { } template)
        {
            var values = GitHubTemplate.Values(context, releaseUrl);
            values["issue.number"] = issue.Number.ToString(CultureInfo.InvariantCulture);
            values["issue.title"] = issue.Title;
            text = GitHubTemplate.Render(template, values, "successComment");
        }
        else
        {
            var what = issue.PullRequest is null ? "issue has been resolved" : "PR is included";
            var channel = context.Channel is { Length: > 0 } c ? $" on the `@{c}` channel" : "";
            text = $":tada: This {what} in version {context.Version}{channel} :tada:\n\n" +
                   $"The release is available on [GitHub release]({releaseUrl})\n\nYour **Release.Sdk** bot :package::rocket:";
        }
        return text + "\n\n" + Marker(context.Tag!);
    }

    /// <summary>Issue numbers referenced by the commits, for this repository only (owner/repo#n of another repository is theirs).</summary>
    private static IEnumerable<int> Referenced(GitHubSession s, ReleaseContext context) =>
        context.Commits
            .Where(d => d.CancelledBy is null)
            .SelectMany(d => d.Commit.References)
            .Where(r => r.Prefix == "#")
            .Where(r => r.Repository is null
                        || string.Equals(r.Repository, s.Repo, StringComparison.OrdinalIgnoreCase)
                           && (r.Owner is null || string.Equals(r.Owner, s.Owner, StringComparison.OrdinalIgnoreCase)))
            .Select(r => int.TryParse(r.Issue, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(n => n > 0)
            .Distinct();

    private static IEnumerable<int> AssociatedPullRequests(GitHubSession s, ReleaseContext context)
    {
        if (!s.Options.CommentOnAssociatedPullRequests) return [];
        var numbers = new HashSet<int>();
        foreach (var sha in context.Commits.Select(d => d.Commit.Source.Sha).Distinct())
        {
            IReadOnlyList<CommitPullRequest> pulls;
            try
            {
                pulls = s.Call($"finding the pull requests of commit {ReleaseErrors.Short(sha)}", DiagnosticCatalog.GitHubCommentFailed,
                    _ => s.Client.Repository.Commit.PullRequests(s.Owner, s.Repo, sha));
            }
            catch (ReleaseException e)
            {
                context.Warnings.Add(new Diagnostic(DiagnosticCatalog.GitHubCommentFailed, e.Message));
                continue;
            }
            foreach (var pr in pulls)
                if (pr.Merged || pr.MergedAt is not null)
                    numbers.Add(pr.Number);
        }
        return numbers;
    }
}
