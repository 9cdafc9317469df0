using Release.Sdk.Engine.Branches;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Tests.Fakes;

namespace Release.Sdk.Engine.Tests.Versioning;

/// <summary>
/// Branch-model cases checked against the real tool: each repository here was also built with plain git and run
/// through semrel-next (semantic-release 24.2.9, conventionalcommits); the expected values are what it printed.
/// Prerelease tags carried the channel note semantic-release writes, except where a test says otherwise.
/// </summary>
public sealed class BranchModelBehaviourTests
{
    [Fact]
    public void PrereleaseNumberingContinuesFromTheChannelsTags()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Checkout("beta", create: true);
        r.Commit("feat!: new engine"); r.Tag("v2.0.0-beta.1");
        r.Commit("fix: one"); r.Tag("v2.0.0-beta.2");
        r.Commit("feat: two");

        var d = Decide.With(r);

        // semrel-next: last=v2.0.0-beta.2 next=2.0.0-beta.3 minor commits=1 (with notes). Without notes it says
        // 2.0.0-beta.1 again — a tag that exists; Release.Sdk infers the channel from the identifier instead.
        Assert.Equal("2.0.0-beta.3", d.NextVersion);
        Assert.Equal("v2.0.0-beta.2", d.PreviousTag);
        Assert.Equal(1, d.CommitCount);
        Assert.Equal(BranchType.Prerelease, d.BranchType);
        Assert.Equal("beta", d.Channel);
    }

    [Fact]
    public void MajorAfterMinorPrereleaseStartsANewPrereleaseLine()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Checkout("beta", create: true);
        r.Commit("feat: x"); r.Tag("v1.1.0-beta.1");
        r.Commit("feat!: y");

        var d = Decide.With(r);

        Assert.Equal("2.0.0-beta.1", d.NextVersion); // semrel-next: last=v1.1.0-beta.1 next=2.0.0-beta.1 major
        Assert.Equal("v1.1.0-beta.1", d.PreviousTag);
    }

    [Fact]
    public void PrereleaseBranchRestartsAfterTheReleaseIsMergedBack()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Checkout("beta", create: true);
        r.Commit("feat: x"); r.Tag("v1.1.0-beta.1");
        r.Checkout("main"); r.Merge("beta", "merge beta"); r.Tag("v1.1.0");
        r.Checkout("beta"); r.FastForward("main");
        r.Commit("fix: after");

        var d = Decide.With(r);

        Assert.Equal("1.1.1-beta.1", d.NextVersion); // semrel-next: last=v1.1.0 next=1.1.1-beta.1 patch commits=1
        Assert.Equal("v1.1.0", d.PreviousTag);
        Assert.Equal(1, d.CommitCount);
    }

    [Fact]
    public void FirstReleaseOnAPrereleaseBranchIsOneZeroZeroDashIdentifierDotOne()
    {
        var r = new FakeRepository();
        r.Commit("chore: init");
        r.Checkout("beta", create: true);
        r.Commit("fix: a");

        var d = Decide.With(r);

        Assert.Equal("1.0.0-beta.1", d.NextVersion); // semrel-next: last=null next=1.0.0-beta.1 patch commits=2
        Assert.Null(d.PreviousTag);
        Assert.Equal(2, d.CommitCount);
    }

    [Fact]
    public void AlphaBranchUsesItsOwnIdentifier()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial");
        r.Checkout("alpha", create: true);
        r.Commit("feat: a");

        var d = Decide.With(r);

        Assert.Equal("1.0.0-alpha.1", d.NextVersion); // semrel-next: alpha prerelease alpha next=1.0.0-alpha.1 minor
        Assert.Equal("alpha", d.Channel);
    }

    [Fact]
    public void NextBranchReleasesCapMainsRange()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Checkout("next", create: true);
        r.Commit("feat!: big"); r.Tag("v2.0.0");
        r.Checkout("main");
        r.Commit("feat!: on main");

        var e = Assert.Throws<ReleaseException>(() => Decide.With(r));

        // semrel-next: EINVALIDNEXTVERSION: The release `2.0.0` on branch `main` cannot be published as it is out of range.
        Assert.Equal("RSDK3001", e.Code);
        Assert.Contains("The release `2.0.0` on branch `main` cannot be published as it is out of range.", e.Message);
        Assert.Contains("`>=1.0.0 <2.0.0`", e.Message);
        Assert.Contains("A valid branch could be `next`.", e.Message);
    }

    [Fact]
    public void NextBranchHasItsOwnChannel()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Checkout("next", create: true);
        r.Commit("feat!: big"); r.Tag("v2.0.0");
        r.Commit("feat: more");

        var d = Decide.With(r);

        Assert.Equal("2.1.0", d.NextVersion); // semrel-next: next release next last=v2.0.0 next=2.1.0 minor
        Assert.Equal(BranchType.Release, d.BranchType);
        Assert.Equal("next", d.Channel);
    }

    [Fact]
    public void MaintenanceBranchCannotReleaseWhileMainHasNotMovedPastIt()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Commit("feat: b"); r.Tag("v1.1.0");
        r.Checkout("1.x", create: true);
        r.Commit("fix: backport");

        var e = Assert.Throws<ReleaseException>(() => Decide.With(r));

        // semrel-next: EINVALIDNEXTVERSION: The release `1.1.1` on branch `1.x` cannot be published as it is out of range.
        Assert.Contains("The release `1.1.1` on branch `1.x` cannot be published as it is out of range.", e.Message);
        Assert.Contains("`>=1.1.0 <1.1.0`", e.Message);
    }

    private static FakeRepository TwoMaintenanceBranches(string checkout, string message)
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0"); r.Branch("1.0.x");
        r.Commit("feat: b"); r.Tag("v1.1.0"); r.Branch("1.x");
        r.Commit("feat!: c"); r.Tag("v2.0.0");
        r.Checkout(checkout);
        r.Commit(message);
        return r;
    }

    [Fact]
    public void PatchMaintenanceBranchReleasesPatches()
    {
        var d = Decide.With(TwoMaintenanceBranches("1.0.x", "fix: on 1.0.x"));

        Assert.Equal("1.0.1", d.NextVersion); // semrel-next: 1.0.x maintenance 1.0.x last=v1.0.0 next=1.0.1 patch
        Assert.Equal("1.0.x", d.Channel);
    }

    [Fact]
    public void MajorMaintenanceBranchStartsAboveThePatchMaintenanceBranch()
    {
        var d = Decide.With(TwoMaintenanceBranches("1.x", "feat: on 1.x"));

        Assert.Equal("1.2.0", d.NextVersion); // semrel-next: 1.x maintenance 1.x last=v1.1.0 next=1.2.0 minor
        Assert.Equal("v1.1.0", d.PreviousTag);
    }

    [Fact]
    public void FeatureOnPatchMaintenanceBranchIsOutOfRange()
    {
        var e = Assert.Throws<ReleaseException>(() => Decide.With(TwoMaintenanceBranches("1.0.x", "feat: feature on 1.0.x")));

        // semrel-next: EINVALIDNEXTVERSION: The release `1.1.0` on branch `1.0.x` cannot be published as it is out of range.
        Assert.Contains("The release `1.1.0` on branch `1.0.x` cannot be published as it is out of range.", e.Message);
        Assert.Contains("`>=1.0.0 <1.1.0`", e.Message);
        Assert.Contains("A valid branch could be `1.x` or `main`.", e.Message);
    }

    [Fact]
    public void FourExistingReleaseBranchesAreRejected()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Branch("next"); r.Branch("next-major"); r.Branch("master");
        r.Commit("fix: x");

        var e = Assert.Throws<ReleaseException>(() => Decide.With(r));

        Assert.Equal("RSDK3003", e.Code); // semrel-next: ERELEASEBRANCHES
        Assert.StartsWith("ERELEASEBRANCHES", e.Message);
    }

    [Fact]
    public void InvalidPrereleaseIdentifierIsRejected()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial");
        r.Checkout("beta_1", create: true);
        r.Commit("fix: x");

        var e = Assert.Throws<ReleaseException>(() => Decide.WithJson(r, """{"branches":["main",{"name":"beta_1","prerelease":true}]}"""));

        Assert.Equal("RSDK3004", e.Code); // semrel-next: EPRERELEASEBRANCH
        Assert.StartsWith("EPRERELEASEBRANCH:", e.Message);
    }

    [Fact]
    public void MaintenanceRangeThatIsNotAnXRangeIsRejected()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Checkout("support", create: true);
        r.Commit("fix: x");

        var e = Assert.Throws<ReleaseException>(() => Decide.WithJson(r, """{"branches":["main",{"name":"support","range":"1.2.3"}]}"""));

        Assert.Equal("RSDK3002", e.Code); // semrel-next: EMAINTENANCEBRANCH
        Assert.StartsWith("EMAINTENANCEBRANCH:", e.Message);
    }

    [Fact]
    public void TwoPrereleaseBranchesWithOneIdentifierAreRejected()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Branch("beta");
        r.Checkout("beta2", create: true);
        r.Commit("fix: x");

        var e = Assert.Throws<ReleaseException>(() =>
            Decide.WithJson(r, """{"branches":["main",{"name":"beta","prerelease":"rc"},{"name":"beta2","prerelease":"rc"}]}"""));

        Assert.Equal("RSDK3004", e.Code); // semrel-next: EPRERELEASEBRANCHES
        Assert.StartsWith("EPRERELEASEBRANCHES:", e.Message);
    }

    [Fact]
    public void ChannelFalseOnASecondReleaseBranchMeansTheDefaultChannel()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Checkout("next", create: true);
        r.Commit("feat: n");

        var d = Decide.WithJson(r, """{"branches":[{"name":"main","channel":"stable"},{"name":"next","channel":false}]}""");

        Assert.Equal("1.1.0", d.NextVersion); // semrel-next: next release channel=false next=1.1.0 minor
        Assert.Null(d.Channel);
    }

    [Fact]
    public void DoubleVTagIsAReleaseOfTheDefaultFormat()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("vv1.2.3");
        r.Commit("fix: x");

        var d = Decide.With(r);

        Assert.Equal("1.2.4", d.NextVersion); // semrel-next: last=vv1.2.3 next=1.2.4 (semver.clean strips the extra v)
        Assert.Equal("vv1.2.3", d.PreviousTag);
    }

    [Fact]
    public void MasterAloneIsTheReleaseBranch()
    {
        var r = new FakeRepository("master");
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Commit("fix: x");

        var d = Decide.With(r);

        Assert.Equal("1.0.1", d.NextVersion); // semrel-next: master release null last=v1.0.0 next=1.0.1
        Assert.Equal("master", d.Branch);
    }

    [Fact]
    public void ConfiguredBranchesThatDoNotExistAreIgnored()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Commit("feat: x");

        var d = Decide.WithJson(r, """{"branches":["main","develop",{"name":"rc","prerelease":true},"3.x"]}""");

        Assert.Equal("1.1.0", d.NextVersion);
    }

    [Fact]
    public void UnconfiguredBranchCannotRelease()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Checkout("feature/x", create: true);
        r.Commit("feat: x");

        var d = Decide.With(r);

        // semrel-next: branch 'feature/x' is not a configured release branch
        Assert.False(d.CanRelease);
        Assert.Null(d.NextVersion);
        Assert.Null(d.BranchType);
        Assert.Equal("feature/x", d.Branch);
        Assert.Equal("1.1.0-alpha.0.1+0000002", d.BuildVersion);
    }

    [Fact]
    public void PrereleaseOfAnotherChannelMergedInMovesTheBaseVersion()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Checkout("beta", create: true);
        r.Commit("feat!: b"); r.Tag("v2.0.0-beta.1");
        r.Checkout("main");
        r.Checkout("alpha", create: true);
        r.Commits("feat!: a", "feat!: a2"); r.Tag("v3.0.0-alpha.1");
        r.Checkout("beta"); r.Merge("alpha", "merge alpha");
        r.Commit("fix: x");

        var d = Decide.With(r);

        // semrel-next: 3.0.0-beta.1 major prerelease beta last=v2.0.0-beta.1 commits=4
        Assert.Equal("3.0.0-beta.1", d.NextVersion);
        Assert.Equal("v2.0.0-beta.1", d.PreviousTag);
        Assert.Equal(4, d.CommitCount);
    }

    [Fact]
    public void MaintenanceBranchWithAnExplicitRangeAndItsNameAsChannel()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Commit("feat: b"); r.Tag("v1.1.0"); r.Branch("support/1");
        r.Commit("feat!: c"); r.Tag("v2.0.0");
        r.Checkout("support/1");
        r.Commit("feat: s");

        var d = Decide.WithJson(r, """{"branches":["main",{"name":"support/*","range":"1.x"}]}""");

        Assert.Equal("1.2.0", d.NextVersion); // semrel-next: 1.2.0 minor maintenance channel support/1 last=v1.1.0
        Assert.Equal(BranchType.Maintenance, d.BranchType);
        Assert.Equal("support/1", d.Channel);
    }

    [Fact]
    public void NextBranchWithoutOwnReleasesDoesNotCapMain()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0"); r.Branch("next");
        r.Commit("feat!: big");

        Assert.Equal("2.0.0", Decide.With(r).NextVersion); // semrel-next: 2.0.0 major release
    }

    [Fact]
    public void PrereleaseAndChannelTemplatesUseTheBranchName()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Checkout("rc-2", create: true);
        r.Commit("feat: r");

        var d = Decide.WithJson(r, """{"branches":["main",{"name":"rc-*","prerelease":"${name}","channel":"ch-${name}"}]}""");

        Assert.Equal("1.1.0-rc-2.1", d.NextVersion); // semrel-next: 1.1.0-rc-2.1 minor prerelease channel ch-rc-2
        Assert.Equal("ch-rc-2", d.Channel);
    }

    [Fact]
    public void ReleaseBranchIgnoresPrereleaseTagsWhenFindingTheLastRelease()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Checkout("beta", create: true);
        r.Commit("feat: b"); r.Tag("v1.1.0-beta.1");
        r.Checkout("main"); r.FastForward("beta");

        var d = Decide.With(r);

        Assert.Equal("1.1.0", d.NextVersion); // semrel-next: 1.1.0 minor release last=v1.0.0
        Assert.Equal("v1.0.0", d.PreviousTag);
        // The commit carries v1.1.0-beta.1, so the build is stamped with exactly that (design.md §5).
        Assert.True(d.IsTaggedCommit);
        Assert.Equal("1.1.0-beta.1", d.BuildVersion);
    }
}
