namespace Release.Sdk.Cli.Tests;

public sealed class ExitCodeTests
{
    [Fact]
    public void InvalidConfigFileIsCodedErrorRsdk1001WithExitCodeOne()
    {
        using var repo = Histories.ReleasedAt123();
        File.WriteAllText(Path.Combine(repo.Path, ".releaserc.json"), "{ \"branches\": [ not json");
        repo.Commit("feat: second");

        var run = CliRun.Of(repo, "version", "--json", "--cwd", repo.Path).ShouldExit(1);

        Assert.Equal("", run.StdOut);
        Assert.StartsWith("error RSDK1001: ", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("docs/diagnostics/RSDK1001.md)", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingConfigFileIsCodedErrorRsdk1007()
    {
        using var repo = Histories.ReleasedAt123();

        var run = CliRun.Of(repo, "version", "--config", Path.Combine(repo.Path, "missing.json"), "--cwd", repo.Path).ShouldExit(1);

        Assert.StartsWith("error RSDK1007: ", run.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("version", "--no-such-option")]
    [InlineData("no-such-command")]
    [InlineData("version", "--preset", "karma")]
    [InlineData("version", "--cwd")]
    [InlineData]
    public void UsageErrorsExitTwo(params string[] args)
    {
        var run = CliRun.Of(null, args).ShouldExit(2);

        Assert.Equal("", run.StdOut);
        Assert.Contains("dotnet-release --help", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void NonexistentCwdIsAUsageError()
    {
        var run = CliRun.Of(null, "version", "--cwd", Path.Combine(Path.GetTempPath(), "rsdk-missing-" + Guid.NewGuid().ToString("N"))).ShouldExit(2);

        Assert.Contains("does not exist", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpExitsZeroAndListsTheCommands()
    {
        var run = CliRun.Of(null, "--help").ShouldExit(0);

        Assert.Contains("version", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("explain", run.StdOut, StringComparison.Ordinal);
    }
}
