using Release.Sdk.Engine.Analysis;

namespace Release.Sdk.Engine.Tests.Analysis;

/// <summary>commit-analyzer's rule matching; "peers" rows were checked with semrel-next.</summary>
public class RuleMatchingTests
{
    [Fact]
    public void CustomRulesThatMatchNothingFallBackToTheDefaults()
    {
        var rules = new[] { Rules.Rule("patch", ("type", "docs")) };

        Assert.Equal("minor", TestHistory.Bump(TestHistory.Of("feat: x").Analyze("angular", rules)));
    }

    [Fact]
    public void HighestMatchingCustomRuleWins()
    {
        var rules = new[] { Rules.Rule("patch", ("type", "refactor")), Rules.Rule("minor", ("type", "refactor"), ("scope", "core-*")) };

        Assert.Equal("minor", TestHistory.Bump(TestHistory.Of("refactor(core-ui): x").Analyze("angular", rules)));
        Assert.Equal("patch", TestHistory.Bump(TestHistory.Of("refactor(ui): x").Analyze("angular", rules)));
    }

    [Fact]
    public void StarDoesNotCrossSlashesInScopes()
    {
        // peers: {type: refactor, scope: "*"} on refactor(api/v2) → no release
        var rules = new[] { Rules.Rule("minor", ("type", "refactor"), ("scope", "*")) };

        Assert.Equal("none", TestHistory.Bump(TestHistory.Of("refactor(api/v2): move").Analyze("conventionalcommits", rules)));
        Assert.Equal("minor", TestHistory.Bump(TestHistory.Of("refactor(api): move").Analyze("conventionalcommits", rules)));
    }

    [Fact]
    public void SlashDelimitedPatternIsAGlobNotARegularExpression()
    {
        // peers: {type: "/refactor/"} on refactor: x → no release (micromatch has no /regex/ syntax)
        var rules = new[] { Rules.Rule("minor", ("type", "/refactor/")) };

        Assert.Equal("none", TestHistory.Bump(TestHistory.Of("refactor: x").Analyze("conventionalcommits", rules)));
    }

    [Fact]
    public void SubjectOfANonConventionalCommitIsGitsSubjectLine()
    {
        // peers: {subject: "*WIP*", release: minor} on "WIP stuff" (angular) → minor
        var rules = new[] { Rules.Rule("minor", ("subject", "*WIP*")) };

        Assert.Equal("minor", TestHistory.Bump(TestHistory.Of("WIP stuff").Analyze("angular", rules)));
    }

    [Fact]
    public void BreakingFlagRequiresANoteAndFalseIsNoCondition()
    {
        var breaking = new ReleaseRule(new Dictionary<string, string> { ["type"] = "docs" }, ReleaseType.Minor, Breaking: true);
        var notBreaking = new ReleaseRule(new Dictionary<string, string> { ["type"] = "docs" }, ReleaseType.Minor, Breaking: false);

        Assert.Equal("none", TestHistory.Bump(TestHistory.Of("docs: x").Analyze("conventionalcommits", [breaking])));
        Assert.Equal("minor", TestHistory.Bump(TestHistory.Of("docs!: x").Analyze("conventionalcommits", [breaking])));
        Assert.Equal("minor", TestHistory.Bump(TestHistory.Of("docs: x").Analyze("conventionalcommits", [notBreaking])));
    }

    [Fact]
    public void RevertFlagRequiresARevertCommit()
    {
        var rule = new ReleaseRule(new Dictionary<string, string>(), ReleaseType.Minor, Revert: true);

        Assert.Equal("minor", TestHistory.Bump(TestHistory.Of("Revert \"feat: gone\"\n\nThis reverts commit 00000000000000000000000000000000000000aa.").Analyze("angular", [rule])));
        Assert.Equal("none", TestHistory.Bump(TestHistory.Of("docs: x").Analyze("angular", [rule])));
    }

    [Fact]
    public void RuleOnAFieldTheCommitDoesNotHaveNeverMatches()
    {
        var rules = new[] { Rules.Rule("major", ("emoji", "*")) };

        Assert.Equal("patch", TestHistory.Bump(TestHistory.Of("fix: x").Analyze("angular", rules)));
    }

    [Fact]
    public void EmptyMessagesAreSkipped()
    {
        var result = TestHistory.Of("   ", "feat: x").Analyze("angular");

        Assert.Equal(ReleaseType.Minor, result.Bump);
        Assert.Equal((ReleaseType.None, null), (result.Decisions[1].Release, result.Decisions[1].Rule));
    }

    [Fact]
    public void MergeCommitsAreAnalyzedLikeOtherCommits()
    {
        // peers: `git merge --no-ff -m "feat: merged topic"` after v1.2.3 → minor with both presets
        var history = new TestHistory();
        history.Commit("chore: topic work");
        history.Commit("feat: merged topic", parents: 2);

        Assert.Equal("minor", TestHistory.Bump(history.Analyze("angular")));
        Assert.Equal("minor", TestHistory.Bump(history.Analyze("conventionalcommits")));
    }

    [Theory]
    [InlineData("angular")]
    [InlineData("conventionalcommits")]
    public void LowerCaseBreakingChangeFooterIsBreaking(string preset)
    {
        // peers: fix + "breaking change: …" → major with both presets
        Assert.Equal("major", TestHistory.Bump(TestHistory.Of("fix: x\n\nbreaking change: lower-case keyword").Analyze(preset)));
    }

    [Theory]
    [InlineData("angular")]
    [InlineData("conventionalcommits")]
    public void CrLfBreakingFooterIsBreaking(string preset)
    {
        // peers: "fix: crlf\r\n\r\nBREAKING CHANGE: crlf footer\r\n" → major with both presets
        Assert.Equal("major", TestHistory.Bump(TestHistory.Of("fix: crlf\r\n\r\nBREAKING CHANGE: crlf footer\r\n").Analyze(preset)));
    }

    [Fact]
    public void CountByTypeCountsReleasingCommits()
    {
        var result = TestHistory.Of("feat: a", "feat: b", "fix: c", "docs: d").Analyze("conventionalcommits");

        Assert.Equal(new Dictionary<string, int> { ["feat"] = 2, ["fix"] = 1 }, result.CountByType());
    }
}
