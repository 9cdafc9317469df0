using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Tests.Fakes;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Tests.Versioning;

public sealed class SummaryAndOutputTests
{
    private static FakeRepository ThreeFeatsTwoFixes()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.3.2");
        r.Commits("feat: a", "fix: b", "feat: c", "docs: d", "fix: e", "feat: f", "chore: g");
        return r;
    }

    [Fact]
    public void SummaryNamesVersionBumpCountsAndPreviousTag()
    {
        var d = Decide.With(ThreeFeatsTwoFixes());

        Assert.Equal("Release.Sdk: 1.4.0-alpha.0.7 (minor: 3 feat, 2 fix since v1.3.2)", VersionSummary.Format(d));
    }

    [Fact]
    public void SummaryOfAFirstRelease()
    {
        var r = new FakeRepository();
        r.Commits("feat: a", "fix: b");

        Assert.Equal("Release.Sdk: 1.0.0-alpha.0.2 (minor: 1 feat, 1 fix; first release)", VersionSummary.Format(Decide.With(r)));
    }

    [Fact]
    public void SummaryWhenNoReleaseIsDue()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.3.2");
        r.Commits("docs: a", "chore: b");

        Assert.Equal("Release.Sdk: 1.3.3-alpha.0.2 (no release: 2 commits since v1.3.2)", VersionSummary.Format(Decide.With(r)));
    }

    [Fact]
    public void SummaryOfATaggedCommit()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.3.2");

        Assert.Equal("Release.Sdk: 1.3.2 (tagged commit v1.3.2)", VersionSummary.Format(Decide.With(r)));
    }

    [Fact]
    public void SummaryOfAPrereleaseChannel()
    {
        Assert.Equal("Release.Sdk: 2.0.0-beta.2 (patch: 1 fix since v2.0.0-beta.1, channel beta)",
            VersionSummary.Format(Decide.With(Scenarios.Build("beta-second"))));
    }

    [Fact]
    public void SummaryOfAFeatureBranch()
    {
        var r = ThreeFeatsTwoFixes();
        r.Checkout("feature/x", create: true);

        Assert.Equal("Release.Sdk: 1.4.0-alpha.0.7 (minor: 3 feat, 2 fix since v1.3.2; feature/x is not a release branch)",
            VersionSummary.Format(Decide.With(r)));
    }

    [Fact]
    public void SummaryOfAFallbackVersion()
    {
        var d = new VersionDecision
        {
            BuildVersion = "0.0.0-norepo",
            IsFallback = true,
            Diagnostics = [new Diagnostic(DiagnosticCatalog.NoRepository, "No git repository found.")],
        };

        Assert.Equal("Release.Sdk: 0.0.0-norepo (fallback version, RSDK0001: No git repository found)", VersionSummary.Format(d));
    }

    [Fact]
    public void GitHubOutputLinesForAReleaseBuild()
    {
        var d = Decide.With(ThreeFeatsTwoFixes(), ci: new CiContext(true, "github", "main", false, "/tmp/out"));

        Assert.Equal(
            [
                "version=1.4.0-alpha.0.7+0000008", "previous-version=1.3.2", "previous-tag=v1.3.2", "bump=minor", "channel=",
                "next-version=1.4.0", "next-tag=v1.4.0", "release=true", "branch=main",
            ],
            GitHubOutput.Lines(d));
    }

    [Fact]
    public void GitHubOutputLinesWhenNothingIsDue()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial");

        var lines = GitHubOutput.Lines(Decide.With(r, Preset.ConventionalCommits));

        Assert.Contains("previous-version=", lines);
        Assert.Contains("release=true", lines); // first release of a feat is due: 1.0.0
        Assert.Contains("channel=", lines);
    }

    [Fact]
    public void GitHubOutputChannelOfAPrerelease()
    {
        var lines = GitHubOutput.Lines(Decide.With(Scenarios.Build("beta-second")));

        Assert.Contains("channel=beta", lines);
        Assert.Contains("bump=patch", lines);
        Assert.Contains("previous-version=2.0.0-beta.1", lines);
    }
}
