using Release.Sdk.Engine.Analysis;

namespace Release.Sdk.Engine.Tests.Analysis;

/// <summary>
/// The seed configuration's releaseRules and noteKeywords with the conventionalcommits preset. Rows marked "peers"
/// were checked with semrel-next on real repos (v1.2.3 then the commit) and gave the same result.
/// </summary>
public class SeedRulesTests
{
    [Theory]
    [InlineData("docs(README): update", "patch")] // peers: patch 1.2.4
    [InlineData("docs(readme): update", "none")] // peers: no release — micromatch is case-sensitive
    [InlineData("docs: update", "none")]
    [InlineData("refactor: restructure", "patch")]
    [InlineData("style: format", "none")] // peers: no release
    [InlineData("perf: faster", "patch")]
    [InlineData("feat(no-release): hidden", "none")]
    [InlineData("fix(no-release): hidden", "none")]
    [InlineData("perf(no-release): faster", "none")] // peers: no release — the later false overrides the earlier patch
    [InlineData("feat(no-release)!: drop", "none")] // peers: no release — defaults (breaking → major) are not consulted
    [InlineData("feat: add", "minor")]
    [InlineData("fix: repair", "patch")]
    [InlineData("feat: x\n\nBREAKING CHANGES: plural footer", "major")] // peers: major with the seed, minor without
    [InlineData("fix: x\n\nBREAKING-CHANGE: hyphen", "patch")] // the override drops the preset's BREAKING-CHANGE keyword
    [InlineData("fix!: bang still breaks", "major")]
    public void SeedRulesDecide(string message, string bump)
    {
        var result = TestHistory.Of(message).Analyze("conventionalcommits", Rules.Seed, Rules.SeedNoteKeywords);

        Assert.Equal(bump, TestHistory.Bump(result));
    }

    [Fact]
    public void PluralFooterIsNotBreakingWithoutTheOverride()
    {
        Assert.Equal("minor", TestHistory.Bump(TestHistory.Of("feat: x\n\nBREAKING CHANGES: plural footer").Analyze("conventionalcommits"))); // peers: minor
    }

    [Fact]
    public void ReleaseFalseFirstIsOverriddenByALaterMatchingRule()
    {
        // peers: [{scope: no-release, release: false}, {type: perf, release: patch}] on perf(no-release) → patch 1.2.4
        var rules = new[] { Rules.Rule("false", ("scope", "no-release")), Rules.Rule("patch", ("type", "perf")) };

        Assert.Equal("patch", TestHistory.Bump(TestHistory.Of("perf(no-release): faster").Analyze("conventionalcommits", rules)));
    }

    [Fact]
    public void DecisionNamesTheRuleAndItsSource()
    {
        var result = TestHistory.Of("fix: repair", "perf(no-release): faster", "docs(README): update", "chore: nothing")
            .Analyze("conventionalcommits", Rules.Seed, Rules.SeedNoteKeywords);

        var (chore, docs, perf, fix) = (result.Decisions[0], result.Decisions[1], result.Decisions[2], result.Decisions[3]);
        Assert.Equal((ReleaseType.None, null, null), (chore.Release, chore.Rule, chore.RuleSource));
        Assert.Equal((ReleaseType.Patch, Rules.Seed[0], "custom"), (docs.Release, docs.Rule, docs.RuleSource));
        Assert.Equal((ReleaseType.None, Rules.Seed[4], "custom"), (perf.Release, perf.Rule, perf.RuleSource));
        Assert.Equal((ReleaseType.Patch, "default"), (fix.Release, fix.RuleSource));
        Assert.Equal("{type: \"fix\"} → patch", fix.Rule?.ToString());
        Assert.Equal(ReleaseType.Patch, result.Bump);
    }
}
