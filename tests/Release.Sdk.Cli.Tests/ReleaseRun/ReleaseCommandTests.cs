using Release.Sdk.TestKit;

namespace Release.Sdk.Cli.Tests.ReleaseRun;

public sealed class ReleaseCommandTests
{
    [Fact]
    public void ReleasePushesTheReleaseCommitAndTagWithChangelogAndStampedFiles()
    {
        using var repos = new ReleaseRepos();

        var run = repos.Release().ShouldExit(0);

        Assert.Contains("Release.Sdk: released 1.1.0 (v1.1.0).", run.StdOut);
        Assert.Contains("released v1.1.0 from 1.0.0 on main", run.StdOut);
        var head = repos.Work.Head;
        Assert.Equal(head, repos.OriginRef("main"));
        Assert.Equal(head, repos.OriginRef("v1.1.0"));
        Assert.Equal("chore(release): 1.1.0 [skip ci]", repos.Work.Git("log", "-1", "--format=%s"));
        Assert.Equal("Release Bot <bot@example.com>", repos.Work.Git("log", "-1", "--format=%an <%ae>"));
        Assert.Equal("tag", repos.Work.Git("cat-file", "-t", "v1.1.0"));
        var changelog = repos.Origin.Git("show", "v1.1.0:CHANGELOG.md");
        Assert.StartsWith("## 1.1.0 (2026-03-04)", changelog);
        Assert.Contains("### Features\n\n* export to csv", changelog);
        Assert.Contains("### Bug Fixes\n\n* handle empty input", changelog);
        Assert.Equal("apiVersion: v2\nname: widget\n# keep this comment\nversion: 1.1.0\nappVersion: \"1.1.0\"", repos.Origin.Git("show", "v1.1.0:helm/widget/Chart.yaml"));
        Assert.Equal("project = 'widget'\nversion = '1.1.0'", repos.Origin.Git("show", "v1.1.0:docs/conf.py"));
        Assert.Equal("1.1.0", repos.Origin.Git("show", "v1.1.0:VERSION.txt"));
        Assert.Equal("", repos.Status());
    }

    [Fact]
    public void SameRunAgainIsNoReleaseAndDuplicatesNothing()
    {
        using var repos = new ReleaseRepos();
        repos.Release().ShouldExit(0);
        var head = repos.Work.Head;
        var tags = repos.Origin.Git("tag", "--list");

        var again = repos.Release().ShouldExit(0);

        Assert.Contains("Release.Sdk: no release", again.StdOut);
        Assert.Equal(head, repos.Work.Head);
        Assert.Equal(head, repos.OriginRef("main"));
        Assert.Equal(tags, repos.Origin.Git("tag", "--list"));
    }

    [Fact]
    public void FailingPrepareCmdUndoesTheRunAndARerunReleasesOnce()
    {
        using var repos = new ReleaseRepos();
        var start = repos.Work.Head;
        repos.Settings("""  "hooks": { "prepareCmd": "echo stamping failed >&2; exit 7" }""");

        var failed = repos.Release().ShouldExit(1);

        Assert.Contains("error RSDK4103: prepareCmd exited with code 7", failed.StdErr);
        Assert.Contains("stamping failed", failed.StdErr);
        Assert.Equal(start, repos.Work.Head);
        Assert.Equal("", repos.Status());
        Assert.Equal("", repos.Work.Git("tag", "--list", "v1.1.0"));
        Assert.False(repos.OriginHas("v1.1.0"));

        repos.Settings("");
        repos.Release().ShouldExit(0);

        Assert.Equal(repos.Work.Head, repos.OriginRef("v1.1.0"));
        var changelog = repos.Read("CHANGELOG.md");
        Assert.Equal(changelog.IndexOf("## 1.1.0", StringComparison.Ordinal), changelog.LastIndexOf("## 1.1.0", StringComparison.Ordinal));
    }

    [Fact]
    public void RemoteThatMovedDuringTheRunGetsNoTagAndTheNextRunReleases()
    {
        using var repos = new ReleaseRepos();
        using var other = TempGitRepo.Clone(repos.Origin);
        other.Commit("fix: pushed by someone else", "src/other.txt");
        var start = repos.Work.Head;
        repos.Settings($$"""  "hooks": { "prepareCmd": "git -C '{{other.Path}}' push -q origin main" }""");

        var skipped = repos.Release().ShouldExit(0);

        Assert.Contains("warning RSDK4104", skipped.StdErr);
        Assert.Contains("nothing released", skipped.StdOut);
        Assert.Equal(start, repos.Work.Head);
        Assert.Equal("", repos.Status());
        Assert.Equal("", repos.Work.Git("tag", "--list", "v1.1.0"));
        Assert.False(repos.OriginHas("v1.1.0"));
        Assert.Equal(other.Head, repos.OriginRef("main"));

        repos.Settings("");
        repos.Work.Git("pull", "-q", "--ff-only", "origin", "main");
        repos.Release().ShouldExit(0);

        Assert.Equal(repos.Work.Head, repos.OriginRef("v1.1.0"));
        Assert.Contains("pushed by someone else", repos.Origin.Git("show", "v1.1.0:CHANGELOG.md"));
    }

    [Fact]
    public void RejectedPushDeletesTheTagAndUndoesTheReleaseCommit()
    {
        using var repos = new ReleaseRepos();
        var hook = Path.Combine(repos.Origin.Path, "hooks", "pre-receive");
        File.WriteAllText(hook, "#!/bin/sh\necho 'protected branch' >&2\nexit 1\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var start = repos.Work.Head;

        var rejected = repos.Release().ShouldExit(1);

        Assert.Contains("error RSDK4105", rejected.StdErr);
        Assert.Equal(start, repos.Work.Head);
        Assert.Equal("", repos.Status());
        Assert.Equal("", repos.Work.Git("tag", "--list", "v1.1.0"));
        Assert.False(repos.OriginHas("v1.1.0"));
    }

    [Fact]
    public void RerunAfterATagThatWasNeverPushedPushesIt()
    {
        using var repos = new ReleaseRepos();
        repos.Release("--no-push").ShouldExit(0);
        var releaseCommit = repos.Work.Head;
        Assert.False(repos.OriginHas("v1.1.0"));

        var resumed = repos.Release().ShouldExit(0);

        Assert.Contains("completing an earlier run", resumed.StdOut);
        Assert.Equal(releaseCommit, repos.OriginRef("v1.1.0"));
        Assert.Equal(releaseCommit, repos.OriginRef("main"));
        Assert.Equal(releaseCommit, repos.Work.Head);
    }

    [Fact]
    public void RerunAfterACrashAfterTheReleaseCommitTagsItWithoutASecondCommit()
    {
        using var repos = new ReleaseRepos();
        repos.Release("--no-push").ShouldExit(0);
        repos.Work.Git("tag", "-d", "v1.1.0");
        var releaseCommit = repos.Work.Head;
        var changelog = repos.Read("CHANGELOG.md");

        repos.Release().ShouldExit(0);

        Assert.Equal(releaseCommit, repos.Work.Head);
        Assert.Equal(releaseCommit, repos.OriginRef("v1.1.0"));
        Assert.Equal(releaseCommit, repos.OriginRef("main"));
        Assert.Equal(changelog, repos.Read("CHANGELOG.md"));
    }

    [Fact]
    public void TagOnlyModeTagsHeadWithoutACommit()
    {
        using var repos = new ReleaseRepos();
        var start = repos.Work.Head;

        repos.Release("--tag-only").ShouldExit(0);

        Assert.Equal(start, repos.Work.Head);
        Assert.Equal(start, repos.OriginRef("v1.1.0"));
        Assert.Equal(start, repos.OriginRef("main"));
    }

    [Fact]
    public void PullRequestBuildIsNoRelease()
    {
        using var repos = new ReleaseRepos();
        repos.Environment["GITHUB_ACTIONS"] = "true";
        repos.Environment["GITHUB_EVENT_NAME"] = "pull_request";
        repos.Environment["GITHUB_HEAD_REF"] = "main";

        var run = repos.Release().ShouldExit(0);

        Assert.Contains("pull request", run.StdOut);
        Assert.False(repos.OriginHas("v1.1.0"));
    }

    [Fact]
    public void DirtyTreeIsACodedErrorListingThePaths()
    {
        using var repos = new ReleaseRepos();
        repos.Write("docs/conf.py", "edited\n");

        var run = repos.Release().ShouldExit(1);

        Assert.Contains("error RSDK4101", run.StdErr);
        Assert.Contains("docs/conf.py", run.StdErr);
    }
}
