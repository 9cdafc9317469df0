using System.Text.Json.Nodes;
using Release.Sdk.Cli.ReleaseRun;
using Release.Sdk.Publish.Tests.GitHub;

namespace Release.Sdk.Cli.Tests.ReleaseRun;

/// <summary>
/// Contract tests of whole release runs (real git, a bare origin, dotnet-release in-process) that end with a GitHub
/// release on the local GitHub REST contract server: the settings file's plugins.github reaches the plugin, a
/// failure after the push opens the failure issue, and the rerun completes the release without duplicates.
/// </summary>
public sealed class GitHubReleaseRunTests
{
    [Fact]
    public void Contract_a_release_run_that_failed_after_the_push_is_completed_by_the_rerun_without_duplicates()
    {
        using var github = new FakeGitHub();
        using var repos = new ReleaseRepos();
        var original = repos.Work.Head;
        repos.Work.Commit("fix: crash on start\n\nCloses #5", "src/crash.txt");
        repos.Work.Git("push", "-q", "origin", "main");
        var released = repos.Work.Git("log", "--format=%H%x1f%B%x1e", "v1.0.0..HEAD").Split('\x1e', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => entry.Split('\x1f')).Select(parts => (parts[0], parts[1].Trim())).Reverse().ToList();
        original = repos.Work.Head;
        github.State.AddIssue(5, "Crash on start");
        github.State.AddIssue(6, "fix crash", pullRequest: true, merged: true);
        github.State.PullsByCommit[released[^1].Item1] = [6];
        github.State.Compares["v1.0.0...v1.1.0"] = released;
        repos.Write("obj/widget.zip", "binary");
        repos.Environment["GITHUB_TOKEN"] = FakeGitHub.Token;
        repos.Settings($$"""
              "repositoryUrl": "https://github.com/acme/widget",
              "plugins": { "github": {
                "enabled": "true", "apiUrl": "{{github.ApiUrl}}", "maxAttempts": "2", "retryDelayMs": "10", "timeout": "5",
                "assets": [ { "spec": "obj/widget.zip", "path": "obj/widget.zip", "label": "Widget" } ] } }
            """);
        // GitHub is down when the release is created: the tag is pushed, the release is not.
        github.Inject("POST", "/repos/acme/widget/releases", FaultKind.ServerError, times: 2);

        var failed = repos.Release().ShouldExit(1);
        Assert.Contains("RSDK6012", failed.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeGitHub.Token, failed.StdOut + failed.StdErr, StringComparison.Ordinal);
        var failure = Assert.Single(github.State.Issues.Values, i => i.Title == "The automated release is failing 🚨");
        Assert.Contains("RSDK6012", failure.Body, StringComparison.Ordinal);
        Assert.Empty(github.State.Releases);

        // The CI job is re-run from the same commit.
        repos.Work.Git("reset", "-q", "--hard", original);
        repos.Work.Git("tag", "-d", "v1.1.0");
        var rerun = repos.Release().ShouldExit(0);
        repos.Work.Git("reset", "-q", "--hard", original);
        repos.Work.Git("tag", "-d", "v1.1.0");
        repos.Release().ShouldExit(0);

        var release = Assert.Single(github.State.Releases);
        Assert.Equal("v1.1.0", release.TagName);
        Assert.Contains("handle empty input", release.Body, StringComparison.Ordinal);
        Assert.Equal("Widget", Assert.Single(release.Assets).Label);
        Assert.Equal("closed", failure.State);
        Assert.Contains("This issue has been resolved in version 1.1.0", Assert.Single(github.State.Issues[5].Comments).Body, StringComparison.Ordinal);
        Assert.Single(github.State.Issues[6].Comments);
        Assert.Equal(["released"], github.State.Issues[5].Labels);
        Assert.Contains("[github]", rerun.StdOut, StringComparison.Ordinal);
        var journal = repos.Origin.Git("notes", "--ref", "release-sdk", "show", repos.OriginRef("v1.1.0"));
        Assert.Contains("github:release", journal, StringComparison.Ordinal);
        Assert.Empty(github.Bugs);
    }

    [Fact]
    public void The_github_plugin_sits_between_the_sbom_and_nuget_plugins_and_is_off_when_asked()
    {
        List<string> Names(JsonObject? plugins, JsonObject? config = null) =>
            ReleasePlugins.Create(new ReleasePluginInputs(plugins, config, new Dictionary<string, string?>(), Path.GetTempPath(), TextWriter.Null))
                .Select(p => p.Name).ToList();

        var all = Names(new JsonObject
        {
            ["nuget"] = new JsonObject { ["source"] = "https://feed.example/v3/index.json" },
            ["sbom"] = new JsonObject { ["enabled"] = "true" },
        });
        Assert.True(all.IndexOf("sbom") < all.IndexOf("github") && all.IndexOf("github") < all.IndexOf("nuget"), string.Join(",", all));
        Assert.DoesNotContain("github", Names(new JsonObject { ["github"] = new JsonObject { ["enabled"] = "false" } }));
        var withoutGitHub = JsonNode.Parse("""{"plugins":["@semantic-release/commit-analyzer"]}""")!.AsObject();
        Assert.DoesNotContain("github", Names(null, withoutGitHub));
        Assert.Contains("github", Names(new JsonObject { ["github"] = new JsonObject { ["enabled"] = "true" } }, withoutGitHub));
    }
}
