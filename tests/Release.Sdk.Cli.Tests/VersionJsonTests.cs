using System.Text.Json;

namespace Release.Sdk.Cli.Tests;

public sealed class VersionJsonTests
{
    private static readonly string[] ExpectedKeys =
        ["next", "build", "previousVersion", "previousTag", "bump", "branch", "branchType", "channel", "commits"];

    [Fact]
    public void JsonHasExactlyTheSpecifiedKeysInOrder()
    {
        using var repo = Histories.ReleasedAt123();
        repo.Commit("feat: second feature");

        var json = CliRun.Of(repo, "version", "--json", "--cwd", repo.Path).Json();

        Assert.Equal(ExpectedKeys, json.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void FeatAfterTagMakesNextTheMinorVersion()
    {
        using var repo = Histories.ReleasedAt123();
        repo.Commit("feat: second feature");
        repo.Commit("chore: tidy");
        var head = repo.Head;

        var run = CliRun.Of(repo, "version", "--json", "--cwd", repo.Path);
        var json = run.Json();

        Assert.Equal("1.3.0", json.GetProperty("next").GetString());
        Assert.Equal("1.2.3", json.GetProperty("previousVersion").GetString());
        Assert.Equal("v1.2.3", json.GetProperty("previousTag").GetString());
        Assert.Equal("minor", json.GetProperty("bump").GetString());
        Assert.Equal("main", json.GetProperty("branch").GetString());
        Assert.Equal("release", json.GetProperty("branchType").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("channel").ValueKind);
        Assert.Equal(2, json.GetProperty("commits").GetInt32());
        var build = json.GetProperty("build").GetString()!;
        Assert.True(build.StartsWith("1.3.0-", StringComparison.Ordinal) && build.EndsWith("+" + head[..7], StringComparison.Ordinal), $"build {build}\n{run}");
    }

    [Fact]
    public void NoReleaseRelevantCommitsWritesNullNextAndBump()
    {
        using var repo = Histories.ReleasedAt123();
        repo.Commit("chore: tidy");
        repo.Commit("docs: typo");

        var json = CliRun.Of(repo, "version", "--json", "--cwd", repo.Path).Json();

        Assert.Equal(JsonValueKind.Null, json.GetProperty("next").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("bump").ValueKind);
        Assert.Equal("v1.2.3", json.GetProperty("previousTag").GetString());
    }

    [Fact]
    public void TaggedHeadBuildsExactlyTheTagVersionAndHasNothingToRelease()
    {
        using var repo = Histories.ReleasedAt123();

        var json = CliRun.Of(repo, "version", "--json", "--cwd", repo.Path).Json();

        Assert.Equal(JsonValueKind.Null, json.GetProperty("next").ValueKind);
        Assert.Equal("1.2.3", json.GetProperty("build").GetString()!.Split('+')[0]);
    }

    [Fact]
    public void FirstReleaseIsOneZeroZero()
    {
        using var repo = new TestKit.TempGitRepo();
        repo.Commit("feat: initial");

        var json = CliRun.Of(repo, "version", "--json", "--cwd", repo.Path).Json();

        Assert.Equal("1.0.0", json.GetProperty("next").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("previousVersion").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("previousTag").ValueKind);
    }

    [Fact]
    public void JsonIsOneLineSoCiScriptsCanCaptureIt()
    {
        using var repo = Histories.ReleasedAt123();
        repo.Commit("fix: a bug");

        var run = CliRun.Of(repo, "version", "--json", "--cwd", repo.Path).ShouldExit(0);

        Assert.Single(run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("+", run.StdOut, StringComparison.Ordinal);
    }
}
