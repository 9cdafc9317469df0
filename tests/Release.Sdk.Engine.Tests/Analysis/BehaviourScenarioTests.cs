namespace Release.Sdk.Engine.Tests.Analysis;

/// <summary>
/// Every scenario of docs/semantic-release-behaviour.md at the analyzer level: the release type semantic-release
/// 24.2.9 / commit-analyzer 13.0.1 computes from the commits after the last tag ("none" = no release). Version
/// numbers, branches and EINVALIDNEXTVERSION belong to the version calculator; here only the bump is checked.
/// </summary>
public class BehaviourScenarioTests
{
    private const string OldSha = "00000000000000000000000000000000000000aa";

    [Theory]
    [InlineData("angular", "minor")]
    [InlineData("conventionalcommits", "minor")]
    public void NoTags(string preset, string bump) => Assert.Equal(bump, Bump(preset, "feat: add a", "fix: fix b", "docs: doc c"));

    [Theory]
    [InlineData("angular", "minor")]
    [InlineData("conventionalcommits", "minor")]
    public void TaggedMixed(string preset, string bump) => Assert.Equal(bump, Bump(preset,
        "fix(parser): handle empty input (#42)\n\nCloses #17", "feat(api): add endpoint", "perf: faster lookups", "docs: explain",
        "refactor: tidy", "style: format", "test: cover", "build: bump sdk", "ci: cache", "chore: housekeeping", "feat: second feature",
        "fix(parser): another parser fix"));

    [Theory]
    [InlineData("angular", "patch")]
    [InlineData("conventionalcommits", "patch")]
    public void PerfOnly(string preset, string bump) => Assert.Equal(bump, Bump(preset, "perf: faster"));

    [Theory]
    [InlineData("angular", "none")]
    [InlineData("conventionalcommits", "none")]
    public void DocsOnly(string preset, string bump) => Assert.Equal(bump, Bump(preset, "docs: a", "chore: b", "refactor: c"));

    [Theory]
    [InlineData("angular", "none")]
    [InlineData("conventionalcommits", "major")]
    public void FeatBang(string preset, string bump) => Assert.Equal(bump, Bump(preset, "feat!: drop old runtime"));

    [Theory]
    [InlineData("angular", "none")]
    [InlineData("conventionalcommits", "major")]
    public void ScopeBang(string preset, string bump) => Assert.Equal(bump, Bump(preset, "fix(api)!: rename field"));

    [Theory]
    [InlineData("angular", "major")]
    [InlineData("conventionalcommits", "major")]
    public void BreakingFooter(string preset, string bump) =>
        Assert.Equal(bump, Bump(preset, "feat: new api\n\nBREAKING CHANGE: the old api is gone", "fix: small fix"));

    [Theory]
    [InlineData("angular", "patch")]
    [InlineData("conventionalcommits", "major")]
    public void BreakingHyphen(string preset, string bump) =>
        Assert.Equal(bump, Bump(preset, "fix: change\n\nBREAKING-CHANGE: hyphenated footer"));

    [Theory]
    [InlineData("angular", "none")]
    [InlineData("conventionalcommits", "none")]
    public void RevertUnreleased(string preset, string bump)
    {
        var history = new TestHistory();
        var feat = history.Commit("feat: add thing");
        history.Commit($"Revert \"feat: add thing\"\n\nThis reverts commit {feat}.");

        Assert.Equal(bump, TestHistory.Bump(history.Analyze(preset)));
    }

    [Theory]
    [InlineData("angular", "patch")]
    [InlineData("conventionalcommits", "patch")]
    public void RevertReleased(string preset, string bump) =>
        Assert.Equal(bump, Bump(preset, $"Revert \"fix: old fix\"\n\nThis reverts commit {OldSha}."));

    [Theory]
    [InlineData("angular", "none")]
    [InlineData("conventionalcommits", "none")]
    public void RevertLower(string preset, string bump)
    {
        var history = new TestHistory();
        var feat = history.Commit("feat: add thing");
        history.Commit($"revert: feat: add thing\n\nThis reverts commit {feat}.");

        Assert.Equal(bump, TestHistory.Bump(history.Analyze(preset)));
    }

    [Theory]
    [InlineData("angular", "none")]
    [InlineData("conventionalcommits", "none")]
    public void NonConventional(string preset, string bump) => Assert.Equal(bump, Bump(preset, "Update stuff", "WIP", "Fixed bug in parser"));

    [Theory]
    [InlineData("angular", "none")]
    [InlineData("conventionalcommits", "major")]
    public void ZeroMajorAndBetaFirstAndMaintenanceMajor(string preset, string bump) => Assert.Equal(bump, Bump(preset, "feat!: breaking on 0.x, beta or 1.x"));

    [Theory]
    [InlineData("angular", "minor")]
    [InlineData("conventionalcommits", "minor")]
    public void ZeroFeatAndMaintenanceFeat(string preset, string bump) => Assert.Equal(bump, Bump(preset, "feat: add"));

    [Theory]
    [InlineData("angular", "patch")]
    [InlineData("conventionalcommits", "patch")]
    public void BetaSecondAndMaintenanceFix(string preset, string bump) => Assert.Equal(bump, Bump(preset, "fix: repair"));

    [Theory]
    [InlineData("angular", "minor")]
    [InlineData("conventionalcommits", "minor")]
    public void CustomRules(string preset, string bump)
    {
        var rules = new[] { Rules.Rule("patch", ("type", "docs"), ("scope", "readme")), Rules.Rule("minor", ("type", "refactor")) };

        Assert.Equal(bump, TestHistory.Bump(TestHistory.Of("docs(readme): improve", "refactor: restructure").Analyze(preset, rules)));
    }

    private static string Bump(string preset, params string[] messagesOldestFirst) =>
        TestHistory.Bump(TestHistory.Of(messagesOldestFirst).Analyze(preset));
}
