using Release.Sdk.TestKit;

namespace Release.Sdk.Cli.Tests;

public sealed class ExplainTests
{
    [Fact]
    public void SeedRuleForDocsReadmeShowsAsACustomPatchRule()
    {
        using var repo = Histories.ReleasedAt123();
        File.WriteAllText(Path.Combine(repo.Path, ".releaserc.json"), Histories.SeedConfig);
        var docs = repo.Commit("docs(README): explain the install");

        var run = CliRun.Of(repo, "explain", "--cwd", repo.Path).ShouldExit(0);
        var line = LineFor(run, docs);

        Assert.Contains("custom rule {type: \"docs\", scope: \"README\"} → patch", line, StringComparison.Ordinal);
        Assert.Contains("patch", line, StringComparison.Ordinal);
        Assert.Contains("Next release:  1.2.4", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void EachCommitSinceTheLastReleaseIsListedWithTheRuleThatDecided()
    {
        using var repo = Histories.ReleasedAt123();
        var feat = repo.Commit("feat(api): add search");
        var breaking = repo.Commit("fix(core)!: change defaults");
        var prose = repo.Commit("Update the readme");

        var run = CliRun.Of(repo, "explain", "--cwd", repo.Path).ShouldExit(0);

        var featLine = LineFor(run, feat);
        Assert.Contains("feat", featLine, StringComparison.Ordinal);
        Assert.Contains("api", featLine, StringComparison.Ordinal);
        Assert.Contains("minor", featLine, StringComparison.Ordinal);
        Assert.Contains("default rule", featLine, StringComparison.Ordinal);

        var breakingLine = LineFor(run, breaking);
        Assert.Contains("yes", breakingLine, StringComparison.Ordinal);
        Assert.Contains("major", breakingLine, StringComparison.Ordinal);

        Assert.Contains("not conventional", LineFor(run, prose), StringComparison.Ordinal);
        Assert.DoesNotContain(run.StdOut.Split('\n'), l => l.Contains("first feature", StringComparison.Ordinal));
        Assert.Contains("Bump:          major", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("Next release:  2.0.0", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void RevertedCommitShowsWhichRevertCancelledIt()
    {
        using var repo = Histories.ReleasedAt123();
        var feat = repo.Commit("feat: risky feature");
        var revert = repo.Commit($"Revert \"feat: risky feature\"\n\nThis reverts commit {feat}.\n");

        var run = CliRun.Of(repo, "explain", "--cwd", repo.Path).ShouldExit(0);

        Assert.Contains($"cancelled by revert {revert[..7]}", LineFor(run, feat), StringComparison.Ordinal);
    }

    [Fact]
    public void AngularPresetExplainsFeatBangAsNotConventional()
    {
        using var repo = Histories.ReleasedAt123();
        var bang = repo.Commit("feat!: drop the old API");

        var run = CliRun.Of(repo, "explain", "--preset", "angular", "--cwd", repo.Path).ShouldExit(0);

        Assert.Contains("not conventional", LineFor(run, bang), StringComparison.Ordinal);
        Assert.Contains("Bump:          none", run.StdOut, StringComparison.Ordinal);
    }

    private static string LineFor(CliRun run, string sha)
    {
        var line = run.StdOut.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith(sha[..7], StringComparison.Ordinal));
        Assert.True(line is not null, $"no line for {sha[..7]}\n{run}");
        return line!;
    }
}
