using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Publish.Tests.GitHub;

/// <summary>Contract tests: "released in" comments and labels, and the failure issue, against the GitHub contract server.</summary>
public sealed class GitHubSuccessContractTests : IDisposable
{
    private const string ShaFix = "1111111111111111111111111111111111111111";
    private const string ShaFeat = "2222222222222222222222222222222222222222";

    private readonly FakeGitHub _server = new();
    private readonly GitHubRun _run;

    public GitHubSuccessContractTests()
    {
        _run = new GitHubRun(_server);
        _server.State.AddIssue(1, "Crash on start");
        _server.State.AddIssue(3, "Slow widgets");
        _server.State.AddIssue(7, "feat: widgets", pullRequest: true, merged: true);
        _server.State.AddIssue(8, "closed unmerged", pullRequest: true, merged: false);
        _server.State.PullsByCommit[ShaFeat] = [7, 8];
        _run.AddCommit(ShaFix, "fix: crash on start\n\nCloses #1");
        _run.AddCommit(ShaFeat, "feat: widgets (acme/widget#3)\n\nRefs other/repo#4");
    }

    public void Dispose()
    {
        Assert.Empty(_server.Bugs);
        _run.Dispose();
        _server.Dispose();
    }

    [Fact]
    public void Contract_referenced_issues_and_merged_pull_requests_get_one_comment_and_the_released_label()
    {
        _run.Release();

        foreach (var number in new[] { 1, 3, 7 })
        {
            var issue = _server.State.Issues[number];
            var comment = Assert.Single(issue.Comments).Body;
            Assert.Contains("in version 1.2.0 :tada:", comment, StringComparison.Ordinal);
            Assert.Contains("(https://github.com/acme/widget/releases/tag/v1.2.0)", comment, StringComparison.Ordinal);
            Assert.Equal(["released"], issue.Labels);
        }
        Assert.Contains("This issue has been resolved in version 1.2.0", _server.State.Issues[1].Comments[0].Body, StringComparison.Ordinal);
        Assert.Contains("This PR is included in version 1.2.0", _server.State.Issues[7].Comments[0].Body, StringComparison.Ordinal);
        Assert.Empty(_server.State.Issues[8].Comments);
        Assert.DoesNotContain(_server.Requests, r => r.Path.Contains("/issues/4", StringComparison.Ordinal));
        Assert.Single(_server.Matching("GET", $"/repos/acme/widget/commits/{ShaFeat}/pulls"));
        var labels = _server.Matching("POST", "/repos/acme/widget/issues/1/labels").Single();
        Assert.Equal("[\"released\"]", labels.Json!.ToJsonString());
    }

    [Fact]
    public void Contract_a_rerun_after_a_crash_after_the_release_was_created_completes_without_duplicates()
    {
        _run.WriteFile("artifacts/Widget.1.2.0.nupkg", "package");
        _run.Settings["assets"] = new JsonArray(new JsonObject { ["spec"] = "artifacts/*.nupkg", ["path"] = "artifacts/*.nupkg" });
        // First run: publish done, then the process dies before success; its journal notes are lost with it.
        var first = new Release.Sdk.Publish.GitHub.GitHubPlugin();
        first.VerifyConditions(_run.Context());
        first.Publish(_run.Context());
        _server.State.Issues[1].Comments.Add((1, "someone else's comment"));
        var uploadsBefore = _server.Matching("POST", "/uploads/.*").Count;

        _run.Journal = new();
        _run.Resumed = true;
        _run.Release();
        _run.Journal = new();
        _run.Release();

        Assert.Single(_server.State.Releases);
        Assert.Single(_server.Matching("POST", "/repos/acme/widget/releases"));
        Assert.Equal(2, _server.Matching("PATCH", "/repos/acme/widget/releases/\\d+").Count);
        Assert.Single(_server.State.Releases[0].Assets);
        Assert.Equal(uploadsBefore, _server.Matching("POST", "/uploads/.*").Count);
        Assert.DoesNotContain(_run.Log, l => l.Contains("retrying", StringComparison.Ordinal));
        Assert.Contains(_run.Log, l => l.Contains("identical asset already attached; skipped", StringComparison.Ordinal));
        Assert.Equal(2, _server.State.Issues[1].Comments.Count);
        Assert.Single(_server.State.Issues[3].Comments);
        Assert.Single(_server.State.Issues[7].Comments);
    }

    [Fact]
    public void Contract_a_resumed_run_without_analyzed_commits_reads_them_back_with_compare()
    {
        _server.State.Compares["v1.1.0...v1.2.0"] = [(ShaFix, "fix: crash on start\n\nCloses #1"), (ShaFeat, "feat: widgets (#3)")];
        _run.Commits.Clear();
        _run.Resumed = true;

        _run.Release();

        Assert.Single(_server.Matching("GET", "/repos/acme/widget/compare/v1.1.0...v1.2.0"));
        Assert.Single(_server.State.Issues[1].Comments);
        Assert.Single(_server.State.Issues[3].Comments);
        Assert.Single(_server.State.Issues[7].Comments);
    }

    [Fact]
    public void Contract_the_journal_skips_issues_already_told_without_asking_github_again()
    {
        _run.Release();
        var before = _server.Requests.Count(r => r.Path.Contains("/issues/", StringComparison.Ordinal));

        _run.Release();

        Assert.Equal(before, _server.Requests.Count(r => r.Path.Contains("/issues/", StringComparison.Ordinal)));
        Assert.Single(_server.State.Issues[1].Comments);
    }

    [Fact]
    public void Contract_channel_labels_and_a_custom_comment_template()
    {
        _run.Version = "2.0.0-beta.1";
        _run.Channel = "beta";
        _run.Config = JsonNode.Parse("""
            {"plugins":[["@semantic-release/github",{
              "successComment":"Shipped in ${nextRelease.version} (#${issue.number}): ${releaseUrl}",
              "releasedLabels":["released on @<%= nextRelease.channel %>","shipped"]}]]}
            """)!.AsObject();

        _run.Release();

        var issue = _server.State.Issues[1];
        Assert.StartsWith("Shipped in 2.0.0-beta.1 (#1): https://github.com/acme/widget/releases/tag/v2.0.0-beta.1", issue.Comments.Single().Body, StringComparison.Ordinal);
        Assert.Equal(["released on @beta", "shipped"], issue.Labels);
    }

    [Fact]
    public void Default_labels_follow_semantic_release_released_and_released_on_channel()
    {
        _run.Channel = "next";

        _run.Release();

        Assert.Equal(["released on @next"], _server.State.Issues[1].Labels);
    }

    [Fact]
    public void Contract_a_missing_or_locked_issue_is_skipped_and_the_others_are_still_told()
    {
        _server.State.Issues.Remove(3);
        _server.State.Issues[1].Locked = true;

        _run.Release();

        Assert.Empty(_server.State.Issues[1].Comments);
        Assert.Single(_server.State.Issues[7].Comments);
        Assert.Contains(_run.Log, l => l.Contains("#3: does not exist", StringComparison.Ordinal));
        Assert.Contains(_run.Log, l => l.Contains("#1: is locked", StringComparison.Ordinal));
    }

    [Fact]
    public void Contract_success_comments_can_be_turned_off()
    {
        _run.Settings["successComment"] = "false";
        _run.Settings["releasedLabels"] = "false";

        _run.Release();

        Assert.All(_server.State.Issues.Values, i => Assert.Empty(i.Comments));
        Assert.DoesNotContain(_server.Requests, r => r.Path.EndsWith("/labels", StringComparison.Ordinal));
    }

    [Fact]
    public void Contract_a_failure_opens_one_issue_a_second_failure_comments_on_it_and_the_next_success_closes_it()
    {
        var error = new ReleaseException(DiagnosticCatalog.PushRejected, "origin rejected the push of the release (protected branch).");

        _run.Fail(error);
        _run.Fail(error);

        var failure = Assert.Single(_server.State.Issues.Values, i => i.Title == "The automated release is failing 🚨");
        Assert.Equal(["semantic-release"], failure.Labels);
        Assert.Contains("RSDK4105", failure.Body, StringComparison.Ordinal);
        Assert.Contains("origin rejected the push", failure.Body, StringComparison.Ordinal);
        Assert.Contains("from the `main` branch failed", failure.Body, StringComparison.Ordinal);
        Assert.Contains("docs/diagnostics/RSDK4105.md", failure.Body, StringComparison.Ordinal);
        Assert.Contains("RSDK4105", Assert.Single(failure.Comments).Body, StringComparison.Ordinal);
        var search = _server.Matching("GET", "/search/issues").First();
        Assert.Contains("type%3Aissue", search.Query.Replace(":", "%3A", StringComparison.Ordinal), StringComparison.Ordinal);

        _run.Release();

        Assert.Equal("closed", failure.State);
        Assert.Equal(2, failure.Comments.Count);
        Assert.DoesNotContain(failure.Comments, c => c.Body.Contains("resolved in version", StringComparison.Ordinal));
    }

    [Fact]
    public void Contract_fail_title_labels_and_assignees_are_configurable_and_the_token_never_reaches_the_issue()
    {
        _run.Config = JsonNode.Parse("""
            {"plugins":[["@semantic-release/github",{"failTitle":"Release broken","labels":["ci","release"],"assignees":["octocat"]}]]}
            """)!.AsObject();

        _run.Fail(new ReleaseException(DiagnosticCatalog.HookFailed, $"publishCmd failed: curl -H 'token {FakeGitHub.Token}'".Replace(FakeGitHub.Token, "***", StringComparison.Ordinal)));

        var failure = Assert.Single(_server.State.Issues.Values, i => i.Title == "Release broken");
        Assert.Equal(["ci", "release"], failure.Labels);
        Assert.Equal(["octocat"], failure.Assignees);
        Assert.DoesNotContain(FakeGitHub.Token, failure.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_fail_comment_false_opens_no_issue()
    {
        _run.Config = JsonNode.Parse("""{"plugins":[["@semantic-release/github",{"failComment":false}]]}""")!.AsObject();

        _run.Fail(new ReleaseException(DiagnosticCatalog.HookFailed, "boom"));

        Assert.Empty(_server.Requests);
    }
}
