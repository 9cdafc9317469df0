using Release.Sdk.TestKit;

namespace Release.Sdk.Cli.Tests.ReleaseRun;

/// <summary>Reruns after a failure that happened after the push, with real git, a bare origin and real hook commands.</summary>
public sealed class ReleaseRerunTests
{
    [Fact]
    public void APublishThatFailedAfterThePushIsCompletedByTheRerunOfTheSameCommitWithoutRepeatingDoneSteps()
    {
        using var repos = new ReleaseRepos();
        var original = repos.Work.Head;
        var log = Path.Combine(repos.Work.Path, "..", $"hooks-{Guid.NewGuid():N}.log");
        var marker = log + ".ok";
        // publishCmd fails on the first run (as an upload would) and works on the second; successCmd logs each call.
        repos.Settings($$"""
              "hooks": {
                "publishCmd": "echo publish ${nextRelease.version} >> '{{log}}'; test -f '{{marker}}' || { touch '{{marker}}'; echo upload failed >&2; exit 5; }",
                "successCmd": "echo success ${nextRelease.version} >> '{{log}}'"
              }
            """);

        var failed = repos.Release().ShouldExit(1);
        Assert.Contains("error RSDK4103: publishCmd exited with code 5", failed.StdErr);
        var releaseCommit = repos.OriginRef("v1.1.0");
        Assert.NotEqual(original, releaseCommit);

        // The CI job is re-run: a fresh checkout of the sha it was started for.
        repos.Work.Git("reset", "-q", "--hard", original);
        repos.Work.Git("tag", "-d", "v1.1.0");
        var rerun = repos.Release().ShouldExit(0);

        Assert.Contains("v1.1.0 is on origin but an earlier run did not finish publishing it", rerun.StdOut);
        Assert.Equal(releaseCommit, repos.OriginRef("v1.1.0"));
        Assert.Equal(releaseCommit, repos.OriginRef("main"));
        Assert.Equal(["publish 1.1.0", "publish 1.1.0", "success 1.1.0"], File.ReadAllLines(log));
        var journal = repos.Origin.Git("notes", "--ref", "release-sdk", "show", releaseCommit);
        Assert.Contains("\"hook:publish\"", journal, StringComparison.Ordinal);
        Assert.Contains("\"release:completed\"", journal, StringComparison.Ordinal);

        var third = repos.Release().ShouldExit(0);
        Assert.Contains("publish and success steps are complete", third.StdOut);
        Assert.Equal(3, File.ReadAllLines(log).Length);
        File.Delete(log);
        File.Delete(marker);
    }
}
