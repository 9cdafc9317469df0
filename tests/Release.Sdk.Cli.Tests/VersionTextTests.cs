using Release.Sdk.TestKit;

namespace Release.Sdk.Cli.Tests;

public sealed class VersionTextTests
{
    [Fact]
    public void HumanOutputStartsWithTheBuildSummaryLineThenLabelledLines()
    {
        using var repo = Histories.ReleasedAt123();
        repo.Commit("feat: second feature");

        var run = CliRun.Of(repo, "version", "--cwd", repo.Path).ShouldExit(0);
        var lines = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("Release.Sdk: 1.3.0-", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("Next release:", StringComparison.Ordinal) && l.Contains("1.3.0", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Previous release:", StringComparison.Ordinal) && l.Contains("v1.2.3", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Bump:", StringComparison.Ordinal) && l.Contains("minor", StringComparison.Ordinal));
        Assert.Equal("", run.StdErr);
    }

    [Fact]
    public void NoReleaseDueSaysWhyAndStillExitsZero()
    {
        using var repo = Histories.ReleasedAt123();
        repo.Commit("chore: tidy");

        var run = CliRun.Of(repo, "version", "--cwd", repo.Path).ShouldExit(0);

        Assert.Contains("Next release:     none (no release-relevant commits since v1.2.3)", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void DetachedHeadWithoutCiWarnsRsdk2003AndReleasesNothing()
    {
        using var repo = Histories.ReleasedAt123();
        repo.Commit("feat: second feature");
        repo.Git("checkout", "-q", "--detach");

        var run = CliRun.Of(repo, "version", "--cwd", repo.Path).ShouldExit(0);

        Assert.StartsWith("warning RSDK2003: ", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("Next release:     none (builds of a detached HEAD do not release here)", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void OutsideAGitRepositoryWarnsWithRsdk0001AndPrintsTheFallback()
    {
        var directory = Path.Combine(Path.GetTempPath(), "rsdk-norepo-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        try
        {
            var run = CliRun.Of(null, "version", "--json", "--cwd", directory);
            var json = run.Json();

            Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("next").ValueKind);
            Assert.StartsWith("warning RSDK0001: ", run.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            TempGitRepo.DeleteDirectory(directory);
        }
    }
}
