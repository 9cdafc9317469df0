using System.Text.Json;
using Release.Sdk.TestKit;

namespace Release.Sdk.Cli.Tests;

public sealed class VersionOptionTests
{
    [Fact]
    public void AngularPresetIgnoresBangSoFeatBangIsNoRelease()
    {
        using var repo = Histories.ReleasedAt123();
        repo.Commit("feat!: drop the old API");

        var json = CliRun.Of(repo, "version", "--json", "--preset", "angular", "--cwd", repo.Path).Json();

        Assert.Equal(JsonValueKind.Null, json.GetProperty("next").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("bump").ValueKind);
    }

    [Fact]
    public void ConventionalCommitsPresetMakesFeatBangAMajorRelease()
    {
        using var repo = Histories.ReleasedAt123();
        repo.Commit("feat!: drop the old API");

        var json = CliRun.Of(repo, "version", "--json", "--preset", "conventionalcommits", "--cwd", repo.Path).Json();

        Assert.Equal("2.0.0", json.GetProperty("next").GetString());
        Assert.Equal("major", json.GetProperty("bump").GetString());
    }

    [Fact]
    public void ConfigFileReleaseRulesDecideTheBump()
    {
        using var repo = Histories.ReleasedAt123();
        repo.Commit("docs(README): explain the install");
        var config = Path.Combine(repo.Path, "..", $"{Path.GetFileName(repo.Path)}-releaserc.json");
        File.WriteAllText(config, Histories.SeedConfig);
        try
        {
            var withConfig = CliRun.Of(repo, "version", "--json", "--config", config, "--cwd", repo.Path).Json();
            var without = CliRun.Of(repo, "version", "--json", "--cwd", repo.Path).Json();

            Assert.Equal("1.2.4", withConfig.GetProperty("next").GetString());
            Assert.Equal("patch", withConfig.GetProperty("bump").GetString());
            Assert.Equal(JsonValueKind.Null, without.GetProperty("next").ValueKind);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public void CwdInASubdirectoryFindsTheRepository()
    {
        using var repo = Histories.ReleasedAt123();
        repo.Commit("fix: a bug", "src/app/code.txt");

        var json = CliRun.Of(repo, "version", "--json", "--cwd", Path.Combine(repo.Path, "src", "app")).Json();

        Assert.Equal("1.2.4", json.GetProperty("next").GetString());
    }

    [Fact]
    public void TagPrefixSelectsTheReleaseTags()
    {
        using var repo = new TempGitRepo();
        repo.Commit("feat: first");
        repo.Tag("release-2.0.0");
        repo.Commit("fix: a bug");

        var json = CliRun.Of(repo, "version", "--json", "--tag-prefix", "release-", "--cwd", repo.Path).Json();

        Assert.Equal("release-2.0.0", json.GetProperty("previousTag").GetString());
        Assert.Equal("2.0.1", json.GetProperty("next").GetString());
    }

    [Fact]
    public void PrereleaseBranchReportsItsChannelAndType()
    {
        using var repo = Histories.ReleasedAt123();
        repo.Checkout("beta", create: true);
        repo.Commit("feat: try something");

        var run = CliRun.Of(repo, "version", "--json", "--cwd", repo.Path);
        var json = run.Json();

        Assert.Equal("beta", json.GetProperty("branch").GetString());
        Assert.Equal("prerelease", json.GetProperty("branchType").GetString());
        Assert.Equal("1.3.0-beta.1", json.GetProperty("next").GetString());
    }

    [Fact]
    public void CiBranchVariableNamesTheBranchOfADetachedHead()
    {
        using var repo = Histories.ReleasedAt123();
        repo.Commit("feat: second");
        repo.Git("checkout", "-q", "--detach");
        var environment = new Dictionary<string, string?>(TestEnvironment.CleanEnvironment())
        {
            ["GITHUB_ACTIONS"] = "true",
            ["CI"] = "true",
            ["GITHUB_REF_NAME"] = "main",
            ["GITHUB_EVENT_NAME"] = "push",
        };

        var json = CliRun.With(environment, repo, "version", "--json", "--cwd", repo.Path).Json();

        Assert.Equal("main", json.GetProperty("branch").GetString());
        Assert.Equal("1.3.0", json.GetProperty("next").GetString());
    }
}
