using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Branches;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Tests.Fakes;

namespace Release.Sdk.Engine.Tests.Versioning;

/// <summary>design.md §5: every build gets an ordered version, and a release commit builds exactly its tag.</summary>
public sealed class BuildVersionTests
{
    [Fact]
    public void ReleaseDueBuildsTheNextVersionAsAlphaWithHeightAndSha()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.3.2");
        r.Commits("feat: a", "feat: b", "feat: c", "fix: d", "fix: e", "docs: f", "chore: g");

        var d = Decide.With(r);

        Assert.Equal("1.4.0", d.NextVersion);
        Assert.Equal("1.4.0-alpha.0.7+0000008", d.BuildVersion);
        Assert.Equal(7, d.CommitCount);
    }

    [Fact]
    public void NoReleaseDueBuildsAPatchBumpForOrdering()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.3.2");
        r.Commits("docs: a", "chore: b");

        var d = Decide.With(r);

        Assert.Null(d.NextVersion);
        Assert.Equal(ReleaseType.None, d.Bump);
        Assert.Equal("1.3.3-alpha.0.2+0000003", d.BuildVersion);
    }

    [Fact]
    public void TaggedCommitBuildsExactlyTheTagsVersion()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Commit("fix: x"); r.Tag("v1.3.2");

        var d = Decide.With(r);

        Assert.Equal("1.3.2", d.BuildVersion);
        Assert.True(d.IsTaggedCommit);
        Assert.Null(d.NextVersion);
        Assert.Equal(0, d.CommitCount);
        Assert.Equal("v1.3.2", d.PreviousTag);
    }

    [Fact]
    public void DetachedCheckoutOfATagBuildsTheTagWithoutWarning()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        var tagged = r.Commit("feat: x"); r.Tag("v1.1.0");
        r.Commit("fix: later");
        r.Detach(tagged);

        var d = Decide.With(r);

        Assert.Equal("1.1.0", d.BuildVersion);
        Assert.Empty(d.Diagnostics);
    }

    [Fact]
    public void FirstBuildWithoutTagsIsOneZeroZeroAlpha()
    {
        var r = new FakeRepository();
        r.Commits("chore: init", "docs: readme");

        var d = Decide.With(r);

        Assert.Null(d.NextVersion);
        Assert.Null(d.PreviousTag);
        Assert.Equal("1.0.0-alpha.0.2+0000002", d.BuildVersion);
    }

    [Fact]
    public void FirstReleaseDueIsOneZeroZero()
    {
        var r = new FakeRepository();
        r.Commits("feat: a", "fix: b", "docs: c");

        var d = Decide.With(r);

        Assert.Equal("1.0.0", d.NextVersion);
        Assert.Equal("1.0.0-alpha.0.3+0000003", d.BuildVersion);
    }

    [Fact]
    public void PrereleaseBranchBuildsItsNextChannelVersion()
    {
        var r = Scenarios.Build("beta-second");

        var d = Decide.With(r);

        Assert.Equal("2.0.0-beta.2", d.NextVersion);
        Assert.Equal($"2.0.0-beta.2+{r.Head[..7]}", d.BuildVersion);
    }

    [Fact]
    public void PrereleaseBranchWithNothingToReleaseBuildsTheFollowingChannelNumber()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Checkout("beta", create: true);
        r.Commit("feat!: x"); r.Tag("v2.0.0-beta.1");
        r.Commit("docs: y");

        var d = Decide.With(r);

        Assert.Null(d.NextVersion);
        Assert.Equal($"2.0.0-beta.2+{r.Head[..7]}", d.BuildVersion);
    }

    [Fact]
    public void BuildLabelIsConfigurable()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Commit("fix: x");

        var d = Decide.With(r, new ReleaseConfig { BuildLabel = "ci.build" });

        Assert.Equal("1.0.1-ci.build.0.1+0000002", d.BuildVersion);
    }

    [Fact]
    public void MergeCommitsCountInTheHeight()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Checkout("topic", create: true); r.Commit("fix: on topic");
        r.Checkout("main"); r.Commit("docs: on main"); r.Merge("topic");

        var d = Decide.With(r);

        Assert.Equal("1.0.1", d.NextVersion);
        Assert.Equal(3, d.CommitCount);
        Assert.Equal("1.0.1-alpha.0.3+0000004", d.BuildVersion);
    }

    [Fact]
    public void PullRequestBuildNeverReleasesButGetsABuildVersion()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Commit("feat: x");
        r.Detach();
        var ci = new CiContext(true, "github", "feature/x", IsPullRequest: true, null);

        var d = Decide.With(r, ci: ci);

        Assert.False(d.CanRelease);
        Assert.Null(d.NextVersion);
        Assert.Null(d.BranchType);
        Assert.Equal("feature/x", d.Branch);
        Assert.Equal(ReleaseType.Minor, d.Bump);
        Assert.Equal("1.1.0-alpha.0.1+0000002", d.BuildVersion);
    }

    [Fact]
    public void PullRequestFromAReleaseBranchNameStillNeverReleases()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Commit("feat: x");

        var d = Decide.With(r, ci: new CiContext(true, "gitlab", "main", IsPullRequest: true, null));

        Assert.False(d.CanRelease);
        Assert.Null(d.NextVersion);
    }

    [Fact]
    public void DetachedHeadOnCiTakesTheCiBranch()
    {
        var r = Scenarios.Build("maint-1x");
        r.Detach();
        r.Checkout("main");
        r.Detach(Scenarios.Build("maint-1x").Head);

        var d = Decide.With(r, ci: new CiContext(true, "github", "1.x", false, "/tmp/out"));

        Assert.Equal("1.x", d.Branch);
        Assert.Equal(BranchType.Maintenance, d.BranchType);
        Assert.Equal("1.1.1", d.NextVersion);
        Assert.True(d.CanRelease);
    }

    [Fact]
    public void DetachedHeadOnCiUsesHeadEvenWhenTheLocalBranchIsStale()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Checkout("work", create: true);
        r.Commit("feat: new");
        r.Detach();

        var d = Decide.With(r, ci: new CiContext(true, "azure-pipelines", "main", false, null));

        Assert.Equal("main", d.Branch);
        Assert.Equal("1.1.0", d.NextVersion);
    }

    [Fact]
    public void RemoteOnlyReleaseBranchCountsAsExisting()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0"); r.Branch("1.x");
        var mainTip = r.Commit("feat!: v2"); r.Tag("v2.0.0");
        r.Checkout("1.x");
        r.Commit("fix: backport");
        r.Detach();
        r.DeleteBranch("main").DeleteBranch("1.x");
        r.RemoteBranch("main", mainTip);

        var d = Decide.With(r, ci: new CiContext(true, "github", "1.x", false, null));

        Assert.Equal("1.x", d.Branch);
        Assert.Equal(BranchType.Maintenance, d.BranchType);
        Assert.Equal("1.0.1", d.NextVersion);
    }

    [Fact]
    public void ReleaseBranchMissingFromTheCloneIsRsdk3003NamingTheFix()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Checkout("beta", create: true);
        r.Commit("feat: b");
        r.DeleteBranch("main");

        var e = Assert.Throws<ReleaseException>(() => Decide.With(r));

        Assert.Equal("RSDK3003", e.Code);
        Assert.Contains("fetch-depth: 0", e.Message);
    }

    [Fact]
    public void DetachedHeadWithoutCiBranchWarnsRsdk2003AndStillBuilds()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Commit("fix: x");
        r.Detach();

        var d = Decide.With(r);

        var warning = Assert.Single(d.Diagnostics);
        Assert.Equal("RSDK2003", warning.Code);
        Assert.Contains("GITHUB_REF_NAME", warning.Message);
        Assert.Null(d.Branch);
        Assert.False(d.CanRelease);
        Assert.Equal("1.0.1-alpha.0.1+0000002", d.BuildVersion);
    }

    [Fact]
    public void EveryDecisionFieldIsFilled()
    {
        var r = Scenarios.Build("tagged-mixed");

        var d = Decide.With(r);

        Assert.Equal("1.3.0", d.NextVersion);
        Assert.Equal("v1.3.0", d.NextTag);
        Assert.Equal($"1.3.0-alpha.0.12+{r.Head[..7]}", d.BuildVersion);
        Assert.Equal("1.2.3", d.PreviousVersion);
        Assert.Equal("v1.2.3", d.PreviousTag);
        Assert.Equal(ReleaseType.Minor, d.Bump);
        Assert.Equal("main", d.Branch);
        Assert.Equal(BranchType.Release, d.BranchType);
        Assert.Null(d.Channel);
        Assert.Equal(12, d.CommitCount);
        Assert.Equal(r.Head, d.HeadSha);
        Assert.False(d.IsTaggedCommit);
        Assert.True(d.CanRelease);
        Assert.False(d.IsFallback);
        Assert.Equal(12, d.Analysis.Decisions.Count);
        Assert.Equal(new Dictionary<string, int> { ["feat"] = 2, ["fix"] = 2, ["perf"] = 1 }, d.Analysis.CountByType());
        Assert.Empty(d.Diagnostics);
    }
}
