using System.Text.Json;
using Release.Sdk.TestKit;

namespace Release.Sdk.Cli.Tests;

public sealed class ShallowCloneTests
{
    [Fact]
    public void ShallowCloneMissingTheLastReleaseExitsOneWithRsdk2001()
    {
        using var origin = Histories.ReleasedAt123();
        origin.Commit("feat: second feature");
        origin.Commit("fix: a bug");
        using var clone = TempGitRepo.Clone(origin, "--depth", "1");

        var run = CliRun.Of(clone, "version", "--json", "--cwd", clone.Path).ShouldExit(1);

        Assert.Equal("", run.StdOut);
        Assert.StartsWith("error RSDK2001: ", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepenFetchesTheMissingHistoryAndComputesTheFullVersion()
    {
        using var origin = Histories.ReleasedAt123();
        origin.Commit("feat: second feature");
        origin.Commit("fix: a bug");
        using var clone = TempGitRepo.Clone(origin, "--depth", "1");

        var json = CliRun.Of(clone, "version", "--json", "--deepen", "--cwd", clone.Path).Json();

        Assert.Equal("1.3.0", json.GetProperty("next").GetString());
        Assert.Equal("v1.2.3", json.GetProperty("previousTag").GetString());
        Assert.Equal(2, json.GetProperty("commits").GetInt32());
    }
}
