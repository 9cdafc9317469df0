using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Engine.Tests.ReleaseRun;

public sealed class ReleaseRunRerunTests
{
    [Fact]
    public void RerunAfterACrashAfterTheCommitTagsTheReleaseCommitWithoutANewOne()
    {
        var first = new ReleaseScenario();
        var released = first.Run();
        Assert.Equal(ReleaseOutcome.Released, released.Outcome);
        var git = first.Git;
        // Simulate the crash: the commit exists, the tag and push never happened.
        var releaseCommit = git.HeadSha;
        git.LocalTags.Clear();
        git.RemoteTags.Clear();
        git.RemoteBranchTip = releaseCommit;
        var commits = git.CommitCount;
        var changelog = git.HeadFiles["CHANGELOG.md"];

        first.Hooks = new FakeHooks();
        var rerun = first.Run();

        Assert.Equal(ReleaseOutcome.Released, rerun.Outcome);
        Assert.Equal(commits, git.CommitCount);
        Assert.Equal(releaseCommit, git.LocalTags["v1.1.0"]);
        Assert.Equal(releaseCommit, git.RemoteTags["v1.1.0"]);
        Assert.Equal(changelog, git.WorkTree["CHANGELOG.md"]);
        Assert.Contains(rerun.Log, l => l.Contains("already has a section for 1.1.0", StringComparison.Ordinal));
    }

    [Fact]
    public void RerunAfterACrashAfterTaggingPushesTheExistingTag()
    {
        var scenario = new ReleaseScenario();
        scenario.Git.LocalTags["v1.1.0"] = scenario.Git.HeadSha;
        scenario.Decision = scenario.TaggedDecision("1.1.0");

        var result = scenario.Run();

        Assert.Equal(ReleaseOutcome.Released, result.Outcome);
        Assert.True(result.Resumed);
        Assert.Equal(scenario.Git.HeadSha, scenario.Git.RemoteTags["v1.1.0"]);
        Assert.DoesNotContain(scenario.Git.Events, e => e.StartsWith("commit", StringComparison.Ordinal) || e.StartsWith("tag", StringComparison.Ordinal));
        Assert.Equal(["verify-conditions main", "publish v1.1.0", "success 1.1.0"], scenario.Hooks.Ran);
    }

    [Fact]
    public void RerunAfterACompletedReleaseIsNoRelease()
    {
        var scenario = new ReleaseScenario();
        Assert.Equal(ReleaseOutcome.Released, scenario.Run().Outcome);
        scenario.Decision = scenario.TaggedDecision("1.1.0");
        scenario.Hooks = new FakeHooks();
        var pushes = scenario.Git.Pushes.Count;

        var result = scenario.Run();

        Assert.Equal(ReleaseOutcome.NoRelease, result.Outcome);
        Assert.Contains("publish and success steps are complete", result.Reason, StringComparison.Ordinal);
        Assert.Equal(pushes, scenario.Git.Pushes.Count);
        Assert.Equal(["verify-conditions main"], scenario.Hooks.Ran);
    }

    [Fact]
    public void RerunAfterThePushWithoutPublishWorkIsNoRelease()
    {
        var scenario = new ReleaseScenario { ConfigJson = """{ "plugins": ["@semantic-release/commit-analyzer", "@semantic-release/release-notes-generator"] }""" };
        scenario.Git.LocalTags["v1.1.0"] = scenario.Git.HeadSha;
        scenario.Git.RemoteTags["v1.1.0"] = scenario.Git.HeadSha;
        scenario.Decision = scenario.TaggedDecision("1.1.0");

        var result = scenario.Run();

        Assert.Equal(ReleaseOutcome.NoRelease, result.Outcome);
        Assert.Empty(scenario.Git.Pushes);
        Assert.Empty(scenario.Git.Journals);
    }

    [Fact]
    public void TagAlreadyOnTheRemoteAtTheReleaseCommitIsNotPushedAgain()
    {
        var scenario = new ReleaseScenario();
        scenario.Overrides = scenario.Overrides with { TagOnly = true };
        scenario.Git.RemoteTags["v1.1.0"] = scenario.Git.HeadSha;

        var result = scenario.Run();

        // The release exists (an earlier run tagged and pushed HEAD): only its publish and success steps are left.
        Assert.Equal(ReleaseOutcome.Released, result.Outcome);
        Assert.True(result.Resumed);
        Assert.Empty(scenario.Git.Pushes);
        Assert.Empty(scenario.Git.DirtyPaths());
        Assert.Equal(["verify-conditions main", "publish v1.1.0", "success 1.1.0"], scenario.Hooks.Ran);
    }

    [Fact]
    public void RerunAfterAFailedPrepareReleasesOnce()
    {
        var scenario = new ReleaseScenario();
        scenario.Hooks.Fail("prepare");
        Assert.Equal(ReleaseOutcome.Failed, scenario.Run().Outcome);

        scenario.Hooks = new FakeHooks();
        var result = scenario.Run();

        Assert.Equal(ReleaseOutcome.Released, result.Outcome);
        var changelog = scenario.Git.HeadFiles["CHANGELOG.md"];
        Assert.Equal(1, CountOf(changelog, "## [1.1.0]"));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
