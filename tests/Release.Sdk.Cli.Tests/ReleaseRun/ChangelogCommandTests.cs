using Release.Sdk.TestKit;

namespace Release.Sdk.Cli.Tests.ReleaseRun;

public sealed class ChangelogCommandTests
{
    [Fact]
    public void RegenerateRebuildsEverySectionNewestFirst()
    {
        using var repo = new TempGitRepo();
        repo.Commit("feat: first feature");
        repo.Tag("v1.0.0");
        repo.Commit("fix: a bug");
        repo.Tag("v1.0.1");
        repo.Commit("feat: second feature");
        repo.Tag("v1.1.0");
        repo.Commit("feat: not released yet");

        var run = CliRun.Of(repo, "changelog", "--regenerate", "--cwd", repo.Path, "--output", "-").ShouldExit(0);

        var text = run.StdOut;
        var sections = new[] { "1.1.0", "1.0.1", "1.0.0" }.Select(v => text.IndexOf($" {v} (", StringComparison.Ordinal)).ToList();
        Assert.All(sections, i => Assert.True(i >= 0, text));
        Assert.Equal(sections.Order().ToList(), sections);
        Assert.Contains("* second feature", text);
        Assert.Contains("* a bug", text);
        Assert.DoesNotContain("not released yet", text);
    }

    [Fact]
    public void RegenerateWritesTheChangelogFileAtTheRoot()
    {
        using var repo = new TempGitRepo();
        repo.Commit("feat: first feature");
        repo.Tag("v1.0.0");

        CliRun.Of(repo, "changelog", "--regenerate", "--cwd", repo.Path).ShouldExit(0);

        Assert.StartsWith("## 1.0.0 (2024-06-01)", File.ReadAllText(Path.Combine(repo.Path, "CHANGELOG.md")));
    }

    [Fact]
    public void ChangelogWithoutRegenerateIsAUsageError()
    {
        using var repo = new TempGitRepo();
        CliRun.Of(repo, "changelog", "--cwd", repo.Path).ShouldExit(2);
    }
}
