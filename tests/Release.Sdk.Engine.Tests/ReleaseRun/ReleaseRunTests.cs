using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Engine.Tests.ReleaseRun;

public sealed class ReleaseRunTests
{
    private static string Describe(ReleaseRunResult result) =>
        $"{result.Outcome} {result.Error?.Code} {result.Error?.Message}\n{string.Join("\n", result.Log)}";

    [Fact]
    public void DueReleaseWritesChangelogStampsCommitsTagsPushesInOrder()
    {
        var scenario = new ReleaseScenario();
        var start = scenario.Git.HeadSha;

        var result = scenario.Run();

        Assert.True(result.Outcome == ReleaseOutcome.Released, Describe(result));
        var git = scenario.Git;
        Assert.NotEqual(start, git.HeadSha);
        Assert.StartsWith("chore(release): 1.1.0 [skip ci]\n\n## [1.1.0](https://github.com/acme/widget/compare/v1.0.0...v1.1.0) (2026-03-04)", git.HeadMessage);
        Assert.Equal(git.HeadSha, git.LocalTags["v1.1.0"]);
        Assert.Equal(git.HeadSha, git.RemoteTags["v1.1.0"]);
        Assert.Equal(git.HeadSha, git.RemoteBranchTip);
        Assert.Empty(git.DirtyPaths());
        Assert.StartsWith("## [1.1.0]", git.HeadFiles["CHANGELOG.md"]);
        Assert.EndsWith("\n\n" + ReleaseScenario.InitialChangelog, git.HeadFiles["CHANGELOG.md"]);
        Assert.Contains("version: 1.1.0\nappVersion: \"1.1.0\"", git.HeadFiles["helm/widget/Chart.yaml"]);
        Assert.Contains("# the chart", git.HeadFiles["helm/widget/Chart.yaml"]);
        Assert.Equal("project = 'widget'\nversion = '1.1.0'\n", git.HeadFiles["docs/conf.py"]);
        Assert.Equal(["fetch", "commit CHANGELOG.md,helm/widget/Chart.yaml,docs/conf.py", "fetch", "tag v1.1.0", "push HEAD:refs/heads/main refs/tags/v1.1.0:refs/tags/v1.1.0"], git.Events);
        Assert.Equal(["verify-conditions main", "verify-release 1.1.0", "prepare 1.1.0 from 1.0.0", "publish v1.1.0", "success 1.1.0"], scenario.Hooks.Ran);
    }

    [Fact]
    public void DryRunWritesNothingButThePlanAndRunsNoHook()
    {
        var scenario = new ReleaseScenario { DryRun = true, PlanFile = "/fake/repo/obj/release-plan.json" };
        scenario.Git.OriginUrl = "https://github.com/acme/widget.git";
        var before = new Dictionary<string, string>(scenario.Git.WorkTree);

        var result = scenario.Run();

        Assert.True(result.Outcome == ReleaseOutcome.Planned, Describe(result));
        Assert.Equal(before, scenario.Git.WorkTree);
        Assert.Empty(scenario.Git.Events);
        Assert.Empty(scenario.Hooks.Ran);
        var plan = result.Plan!;
        Assert.Equal("1.1.0", plan.Version);
        Assert.Equal("v1.1.0", plan.Tag);
        Assert.Equal(["CHANGELOG.md", "helm/widget/Chart.yaml", "docs/conf.py"], plan.Files.Select(f => f.Path));
        Assert.Contains("-version = '1.0.0'\n+version = '1.1.0'\n", plan.Files[2].Diff);
        Assert.StartsWith("chore(release): 1.1.0 [skip ci]", plan.CommitMessage);
        Assert.Equal(["HEAD:refs/heads/main", "refs/tags/v1.1.0:refs/tags/v1.1.0"], plan.Pushes.Single().Refspecs);
        Assert.Contains(plan.Hooks, h => h is { Step: ReleaseStep.Prepare, CommandLine: "prepare 1.1.0 from 1.0.0" });
        var json = scenario.Git.OutsideFiles["/fake/repo/obj/release-plan.json"];
        Assert.Contains("\"version\": \"1.1.0\"", json);
        Assert.Contains("\"path\": \"docs/conf.py\"", json);
    }

    [Fact]
    public void DryRunNeedsNoTokenAndAcceptsADirtyTree()
    {
        var scenario = new ReleaseScenario { DryRun = true };
        scenario.Git.OriginUrl = "https://github.com/acme/widget.git";
        scenario.Git.WorkTree["scratch.txt"] = "local";

        var result = scenario.Run();

        Assert.True(result.Outcome == ReleaseOutcome.Planned, Describe(result));
        Assert.Contains(result.Log, l => l.Contains("RSDK4101", StringComparison.Ordinal));
    }

    [Fact]
    public void NoReleaseDueRunsNoHookAndWritesNothing()
    {
        var scenario = new ReleaseScenario();
        scenario.Decision = scenario.DueDecision() with { NextVersion = null, NextTag = null, Bump = Release.Sdk.Engine.Analysis.ReleaseType.None };

        var result = scenario.Run();

        Assert.Equal(ReleaseOutcome.NoRelease, result.Outcome);
        Assert.Contains("v1.0.0", result.Reason);
        Assert.Equal(["verify-conditions main"], scenario.Hooks.Ran);
        Assert.DoesNotContain(scenario.Git.Events, e => e.StartsWith("commit", StringComparison.Ordinal) || e.StartsWith("tag", StringComparison.Ordinal));
    }

    [Fact]
    public void PullRequestBuildNeverReleases()
    {
        var scenario = new ReleaseScenario { IsPullRequest = true };

        var result = scenario.Run();

        Assert.Equal(ReleaseOutcome.NoRelease, result.Outcome);
        Assert.Contains("pull request", result.Reason);
        Assert.Empty(scenario.Hooks.Ran);
        Assert.Empty(scenario.Git.Events);
    }

    [Fact]
    public void NonReleaseBranchNeverReleases()
    {
        var scenario = new ReleaseScenario();
        scenario.Decision = scenario.DueDecision() with { CanRelease = false, Branch = "feature/x", NextVersion = null };

        var result = scenario.Run();

        Assert.Equal(ReleaseOutcome.NoRelease, result.Outcome);
        Assert.Contains("'feature/x' is not a release branch", result.Reason);
        Assert.Empty(scenario.Git.Events);
    }

    [Fact]
    public void TagOnlyModeMakesNoCommitAndPushesOnlyTheTag()
    {
        var scenario = new ReleaseScenario();
        scenario.Overrides = scenario.Overrides with { TagOnly = true };
        var start = scenario.Git.HeadSha;

        var result = scenario.Run();

        Assert.True(result.Outcome == ReleaseOutcome.Released, Describe(result));
        Assert.Equal(start, scenario.Git.HeadSha);
        Assert.Equal(start, scenario.Git.RemoteTags["v1.1.0"]);
        Assert.Equal(["refs/tags/v1.1.0:refs/tags/v1.1.0"], scenario.Git.Pushes.Single());
        Assert.Null(result.Plan!.CommitMessage);
        // The prepared files stay in the work tree for later steps (helm package, …), as semantic-release leaves them.
        Assert.Contains("prepare 1.1.0 from 1.0.0", scenario.Hooks.Ran);
        Assert.Contains("CHANGELOG.md", scenario.Git.DirtyPaths());
    }

    [Fact]
    public void ASecondTagOnlyReleaseRunsOnTheSameCheckoutDespiteTheFirstOnesPreparedFiles()
    {
        var scenario = new ReleaseScenario();
        scenario.Overrides = scenario.Overrides with { TagOnly = true };
        Assert.Equal(ReleaseOutcome.Released, scenario.Run().Outcome);

        scenario.Git.WorkTree["src/more.cs"] = "// more";
        var someone = new GitIdentity("Ann", "ann@example.com", DateTimeOffset.UnixEpoch);
        scenario.Git.Commit(["src/more.cs"], "feat: more", someone, someone);
        Assert.Contains("CHANGELOG.md", scenario.Git.DirtyPaths());
        scenario.Decision = scenario.DueDecision() with { NextVersion = "1.2.0", NextTag = "v1.2.0", PreviousVersion = "1.1.0", PreviousTag = "v1.1.0" };
        var second = scenario.Run();

        Assert.True(second.Outcome == ReleaseOutcome.Released, Describe(second));
        Assert.Equal(scenario.Git.HeadSha, scenario.Git.RemoteTags["v1.2.0"]);
        Assert.Contains(second.Log, l => l.Contains("tag-only mode tags HEAD as committed", StringComparison.Ordinal));
    }

    [Fact]
    public void NoPushCommitsAndTagsLocallyWithoutToken()
    {
        var scenario = new ReleaseScenario { NoPush = true };
        scenario.Git.OriginUrl = "https://github.com/acme/widget.git";

        var result = scenario.Run();

        Assert.True(result.Outcome == ReleaseOutcome.Released, Describe(result));
        Assert.Equal(scenario.Git.HeadSha, scenario.Git.LocalTags["v1.1.0"]);
        Assert.Empty(scenario.Git.Pushes);
        Assert.Empty(scenario.Git.RemoteTags);
    }

    [Fact]
    public void HttpsRemoteTakesTheTokenFromTheEnvironmentAndNeverShowsIt()
    {
        var scenario = new ReleaseScenario();
        scenario.Git.OriginUrl = "https://github.com/acme/widget.git";
        scenario.Environment["GH_TOKEN"] = "s3cr3t-token";
        scenario.Hooks.On("publish", new HookResult(1, "uploading with s3cr3t-token", ""));

        var result = scenario.Run();

        Assert.Equal("s3cr3t-token", scenario.Git.LastCredentials!.Token);
        Assert.Equal("RSDK4103", result.Error!.Code);
        Assert.DoesNotContain("s3cr3t-token", result.Error.Message);
        Assert.Contains("uploading with ***", result.Error.Message);
        Assert.All(result.Log, l => Assert.DoesNotContain("s3cr3t-token", l));
    }

    [Fact]
    public void HttpsRemoteWithoutTokenStopsBeforeAnythingHappens()
    {
        var scenario = new ReleaseScenario();
        scenario.Git.OriginUrl = "https://github.com/acme/widget.git";

        var result = scenario.Run();

        Assert.Equal("RSDK4102", result.Error!.Code);
        Assert.Empty(scenario.Git.Events);
        Assert.DoesNotContain(scenario.Hooks.Ran, c => c.StartsWith("verify", StringComparison.Ordinal));
    }

    [Fact]
    public void NamedTokenVariableWinsOverGitHubToken()
    {
        var scenario = new ReleaseScenario();
        scenario.Git.OriginUrl = "https://github.com/acme/widget.git";
        scenario.Environment["GITHUB_TOKEN"] = "default";
        scenario.Environment["RELEASE_TOKEN"] = "named";
        var credentials = PushCredentials.For("https://github.com/acme/widget.git", "RELEASE_TOKEN", scenario.Environment);

        Assert.Equal("named", credentials!.Token);
        Assert.DoesNotContain("named", credentials.ToString());
        Assert.Null(PushCredentials.For("git@github.com:acme/widget.git", null, scenario.Environment));
    }

    [Fact]
    public void DirtyTreeStopsTheRunListingThePaths()
    {
        var scenario = new ReleaseScenario();
        scenario.Git.WorkTree["docs/conf.py"] = "edited";
        scenario.Git.WorkTree["notes.txt"] = "new";

        var result = scenario.Run();

        Assert.Equal("RSDK4101", result.Error!.Code);
        Assert.Contains("docs/conf.py, notes.txt", result.Error.Message);
        Assert.Equal(["fail "], scenario.Hooks.Ran);
    }

    [Fact]
    public void FilesAHookChangesAreCommittedWhenTheyMatchTheAssetGlobs()
    {
        var scenario = new ReleaseScenario();
        scenario.Hooks.On("prepare", new HookResult(0, "", ""), () =>
        {
            scenario.Git.WorkTree["docs/extra.py"] = "generated";
            scenario.Git.WorkTree["build.log"] = "noise";
        });

        var result = scenario.Run();

        Assert.Equal(ReleaseOutcome.Released, result.Outcome);
        Assert.Equal("generated", scenario.Git.HeadFiles["docs/extra.py"]);
        Assert.False(scenario.Git.HeadFiles.ContainsKey("build.log"));
        Assert.Contains("Not committed (not release assets): build.log.", result.Log);
    }
}
