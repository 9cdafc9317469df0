using Release.Sdk.Engine.Analysis;

namespace Release.Sdk.Engine.Tests.Analysis;

/// <summary>conventional-commits-filter's reverted-pair removal; "peers" rows were checked with semrel-next.</summary>
public class RevertFilteringTests
{
    [Fact]
    public void RevertAndItsTargetCancelEachOtherAndSaySo()
    {
        var history = new TestHistory();
        var feat = history.Commit("feat: add thing");
        var revert = history.Commit($"Revert \"feat: add thing\"\n\nThis reverts commit {feat}.");
        history.Commit("docs: after");

        var result = history.Analyze("conventionalcommits");

        Assert.Equal(ReleaseType.None, result.Bump);
        Assert.Equal(feat, result.Decisions[1].CancelledBy);
        Assert.Equal(revert, result.Decisions[2].CancelledBy);
    }

    [Theory]
    [InlineData("angular")]
    [InlineData("conventionalcommits")]
    public void AnAbbreviatedShaDoesNotCancel(string preset)
    {
        // peers: feat + Revert "feat: add thing" / This reverts commit <7 chars>. → minor with both presets
        var history = new TestHistory();
        var feat = history.Commit("feat: add thing");
        history.Commit($"Revert \"feat: add thing\"\n\nThis reverts commit {feat[..7]}.");

        var result = history.Analyze(preset);

        Assert.Equal(ReleaseType.Minor, result.Bump);
        Assert.All(result.Decisions, d => Assert.Null(d.CancelledBy));
        Assert.Equal(ReleaseType.Patch, result.Decisions[0].Release);
    }

    [Theory]
    [InlineData("angular")]
    [InlineData("conventionalcommits")]
    public void RevertingARevertRestoresTheOriginal(string preset)
    {
        // peers: feat, Revert "feat…", Revert "Revert "feat…"" → minor with both presets
        var history = new TestHistory();
        var feat = history.Commit("feat: add thing");
        var revert = history.Commit($"Revert \"feat: add thing\"\n\nThis reverts commit {feat}.");
        history.Commit($"Revert \"Revert \"feat: add thing\"\"\n\nThis reverts commit {revert}.");

        var result = history.Analyze(preset);

        Assert.Equal(ReleaseType.Minor, result.Bump);
        Assert.Null(result.Decisions[2].CancelledBy);
    }

    [Fact]
    public void RevertTypeWithoutTheFinalDotCancelsOnlyForAngular()
    {
        // peers: feat + "revert: feat: add thing / This reverts commit <sha>" (no dot) → angular none, conventionalcommits minor
        var history = new TestHistory();
        var feat = history.Commit("feat: add thing");
        history.Commit($"revert: feat: add thing\n\nThis reverts commit {feat}");

        Assert.Equal("none", TestHistory.Bump(history.Analyze("angular")));
        Assert.Equal("minor", TestHistory.Bump(history.Analyze("conventionalcommits")));
    }

    [Fact]
    public void TwoRevertsOfOneCommitCancelOnlyOnce()
    {
        var history = new TestHistory();
        var fix = history.Commit("fix: thing");
        history.Commit($"Revert \"fix: thing\"\n\nThis reverts commit {fix}.");
        history.Commit($"Revert \"fix: thing\"\n\nThis reverts commit {fix}.");

        var result = history.Analyze("angular");

        Assert.Equal(ReleaseType.Patch, result.Bump);
        Assert.Equal(fix, result.Decisions[0].CancelledBy);
        Assert.Null(result.Decisions[1].CancelledBy);
    }

    [Fact]
    public void ARevertOlderThanItsTargetDoesNotCancel()
    {
        var history = new TestHistory();
        history.Commit("Revert \"feat: later\"\n\nThis reverts commit 0000000000000000000000000000000000000002.");
        history.Commit("feat: later");

        Assert.Equal(ReleaseType.Minor, history.Analyze("angular").Bump);
    }
}
