namespace Release.Sdk.Cli.Tests.ReleaseRun;

public sealed class PlanCommandTests
{
    [Fact]
    public void PlanJsonShowsVersionNotesDiffsCommitAndPushesAndWritesNothing()
    {
        using var repos = new ReleaseRepos();
        repos.Work.Git("remote", "set-url", "origin", "https://github.com/acme/widget.git");
        var head = repos.Work.Head;

        var plan = CliRun.With(repos.Environment, repos.Work, "plan", "--json", "--cwd", repos.Work.Path, "--settings", repos.SettingsFile).Json();

        Assert.Equal("1.1.0", plan.GetProperty("version").GetString());
        Assert.Equal("v1.1.0", plan.GetProperty("tag").GetString());
        Assert.StartsWith("## [1.1.0](https://github.com/acme/widget/compare/v1.0.0...v1.1.0) (2026-03-04)", plan.GetProperty("notes").GetString());
        var files = plan.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ToList();
        Assert.Equal(["CHANGELOG.md", "helm/widget/Chart.yaml", "docs/conf.py"], files);
        Assert.Contains("+appVersion: \"1.1.0\"", plan.GetProperty("files")[1].GetProperty("diff").GetString());
        Assert.StartsWith("chore(release): 1.1.0 [skip ci]", plan.GetProperty("commitMessage").GetString());
        Assert.Equal("refs/tags/v1.1.0:refs/tags/v1.1.0", plan.GetProperty("pushes")[0].GetProperty("refspecs")[1].GetString());
        Assert.Equal("echo 1.1.0 > VERSION.txt", plan.GetProperty("hooks")[0].GetProperty("command").GetString());
        Assert.Equal(head, repos.Work.Head);
        Assert.Equal("", repos.Status());
    }

    [Fact]
    public void DryRunWritesOnlyThePlanFileUnderObj()
    {
        using var repos = new ReleaseRepos();
        var planFile = Path.Combine(repos.Work.Path, "obj", "release-plan.json");

        var run = repos.Release("--dry-run", "--plan-file", planFile).ShouldExit(0);

        Assert.Contains("Release.Sdk: dry run: would release 1.1.0 (tag v1.1.0) on main, after v1.0.0.", run.StdOut);
        Assert.Contains("-version = '1.0.0'\n+version = '1.1.0'", run.StdOut);
        Assert.Contains("\"version\": \"1.1.0\"", File.ReadAllText(planFile));
        Assert.Equal("", repos.Status());
        Assert.Equal("1.0.0\n", repos.Read("VERSION.txt"));
    }

    [Fact]
    public void PlanJsonSaysWhenNoReleaseIsDue()
    {
        using var repos = new ReleaseRepos();
        repos.Release().ShouldExit(0);

        var plan = CliRun.With(repos.Environment, repos.Work, "plan", "--json", "--cwd", repos.Work.Path).Json();

        Assert.False(plan.GetProperty("release").GetBoolean());
    }
}
