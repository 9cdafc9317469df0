using Release.Sdk.Engine.Branches;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Tests.Configuration;
using Release.Sdk.Engine.Tests.Fakes;

namespace Release.Sdk.Engine.Tests.Versioning;

/// <summary>
/// The seed configuration's rules at the version level. Each row was run through semrel-next with the seed file as
/// --config on a repo "feat: initial" + tag v1.2.3 + the commits listed; expected values are what it printed.
/// </summary>
public sealed class SeedConfigBehaviourTests
{
    public static TheoryData<string, string[], string?> Rows => new()
    {
        { "docs(README) is a patch", ["docs(README): typo"], "1.2.4" },
        { "rule scopes are case-sensitive", ["docs(readme): typo"], null },
        { "other docs release nothing", ["docs: other"], null },
        { "refactor is a patch", ["refactor: tidy"], "1.2.4" },
        { "style never releases", ["style: fmt"], null },
        { "style with a breaking footer still never releases", ["style: a\n\nBREAKING CHANGE: gone"], null },
        { "perf is a patch", ["perf: fast"], "1.2.4" },
        { "no-release scope hides a feat", ["feat(no-release): hidden"], null },
        { "no-release scope hides a fix", ["fix(no-release): hidden", "docs: x"], null },
        { "BREAKING CHANGES footer is a note keyword", ["fix: a\n\nBREAKING CHANGES: gone"], "2.0.0" },
        { "the hyphenated footer is no longer a note keyword", ["fix: a\n\nBREAKING-CHANGE: gone"], "1.2.4" },
        { "bang is breaking whatever the note keywords", ["feat!: a"], "2.0.0" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void SeedRulesDecideLikeSemanticRelease(string because, string[] commits, string? next)
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.2.3");
        r.Commits(commits);

        var d = Decide.WithJson(r, SeedConfig.Json);

        Assert.True(next == d.NextVersion, $"{because}: expected {next ?? "no release"}, got {d.NextVersion ?? "no release"}");
        Assert.Equal("v1.2.3", d.PreviousTag);
    }

    [Fact]
    public void SeedBetaBranchReleasesAPrereleaseOnTheBetaChannel()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.2.3");
        r.Checkout("beta", create: true);
        r.Commit("feat: b");

        var d = Decide.WithJson(r, SeedConfig.Json);

        Assert.Equal("1.3.0-beta.1", d.NextVersion); // semrel-next: beta prerelease beta last=v1.2.3 next=1.3.0-beta.1 minor
        Assert.Equal(BranchType.Prerelease, d.BranchType);
        Assert.Equal("beta", d.Channel);
    }

    [Fact]
    public void SeedMaintenanceBranchOfTheLatestMajorCannotReleaseYet()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.2.3");
        r.Commit("feat!: two"); r.Tag("v2.0.0");
        r.Checkout("2.x", create: true);
        r.Commit("fix: m");

        var e = Assert.Throws<ReleaseException>(() => Decide.WithJson(r, SeedConfig.Json));

        Assert.Equal("RSDK3001", e.Code); // semrel-next: 2.x maintenance EINVALIDNEXTVERSION
        Assert.Contains("`>=2.0.0 <2.0.0`", e.Message);
    }
}
