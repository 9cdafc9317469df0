using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Engine.Tests.ReleaseRun;

public sealed class ReleaseRunFailureTests
{
    [Theory]
    [InlineData("verify-conditions")]
    [InlineData("verify-release")]
    [InlineData("prepare")]
    public void HookFailingBeforeThePushUndoesEverythingAndRunsFailCmd(string failing)
    {
        var scenario = new ReleaseScenario();
        var start = scenario.Git.HeadSha;
        var files = new Dictionary<string, string>(scenario.Git.WorkTree);
        scenario.Hooks.Fail(failing, "check failed: coverage 12%");

        var result = scenario.Run();

        Assert.Equal(ReleaseOutcome.Failed, result.Outcome);
        Assert.Equal("RSDK4103", result.Error!.Code);
        Assert.Contains("exited with code 3", result.Error.Message);
        Assert.Contains("check failed: coverage 12%", result.Error.Message);
        Assert.Contains("stderr says no", result.Error.Message);
        Assert.Equal(start, scenario.Git.HeadSha);
        Assert.Equal(files, scenario.Git.WorkTree);
        Assert.Empty(scenario.Git.LocalTags);
        Assert.Empty(scenario.Git.Pushes);
        Assert.StartsWith("fail ", scenario.Hooks.Ran[^1]);
        Assert.DoesNotContain(scenario.Hooks.Ran, c => c.StartsWith("success", StringComparison.Ordinal));
    }

    [Fact]
    public void PrepareCmdFailingAfterTheChangelogWasWrittenRestoresIt()
    {
        var scenario = new ReleaseScenario();
        scenario.Git.WorkTree.Remove("CHANGELOG.md");
        scenario.Git.CommitAll("chore: drop changelog");
        scenario.Git.RemoteBranchTip = scenario.Git.HeadSha;
        scenario.Hooks.Fail("prepare");

        var result = scenario.Run();

        Assert.Equal("RSDK4103", result.Error!.Code);
        Assert.False(scenario.Git.WorkTree.ContainsKey("CHANGELOG.md"));
        Assert.Empty(scenario.Git.DirtyPaths());
    }

    [Theory]
    [InlineData("publish", "publish v1.1.0")]
    [InlineData("success", "success 1.1.0")]
    public void HookFailingAfterThePushKeepsTheReleaseAndRunsFailCmd(string failing, string command)
    {
        var scenario = new ReleaseScenario();
        scenario.Hooks.Fail(failing);

        var result = scenario.Run();

        Assert.Equal(ReleaseOutcome.Failed, result.Outcome);
        Assert.Equal("RSDK4103", result.Error!.Code);
        Assert.Contains(command, result.Error.Message);
        Assert.Contains("already tagged and pushed", result.Error.Message);
        Assert.Equal(scenario.Git.HeadSha, scenario.Git.RemoteTags["v1.1.0"]);
        Assert.Equal("fail 1.1.0", scenario.Hooks.Ran[^1]);
    }

    [Fact]
    public void GenerateNotesCmdFailingStopsBeforePrepare()
    {
        var scenario = new ReleaseScenario();
        scenario.Overrides = scenario.Overrides with { Hooks = new ExecHooks { GenerateNotesCmd = "notes" } };
        scenario.Hooks.Fail("notes");

        var result = scenario.Run();

        Assert.Equal("RSDK4103", result.Error!.Code);
        Assert.Contains("generateNotesCmd exited with code 3: notes", result.Error.Message);
        Assert.DoesNotContain(scenario.Hooks.Ran, c => c.StartsWith("prepare", StringComparison.Ordinal));
    }

    [Fact]
    public void FailCmdFailingToIsReportedNextToTheOriginalError()
    {
        var scenario = new ReleaseScenario();
        scenario.Hooks.Fail("verify-release").Fail("fail");

        var result = scenario.Run();

        Assert.Equal("RSDK4103", result.Error!.Code);
        Assert.Contains("verifyReleaseCmd", result.Error.Message);
        Assert.Contains(result.Diagnostics, d => d.Code == "RSDK4103" && d.Message.Contains("failCmd", StringComparison.Ordinal));
    }

    [Fact]
    public void TimedOutHookIsAFailure()
    {
        var scenario = new ReleaseScenario();
        scenario.Hooks.On("verify-release", new HookResult(-1, "", "", TimedOut: true));

        var result = scenario.Run();

        Assert.Contains("verifyReleaseCmd timed out", result.Error!.Message);
    }

    [Fact]
    public void RemoteMovedBeforeTaggingUndoesTheCommitAndTagsNothing()
    {
        var scenario = new ReleaseScenario();
        var start = scenario.Git.HeadSha;
        var files = new Dictionary<string, string>(scenario.Git.WorkTree);
        scenario.Hooks.On("prepare", new HookResult(0, "", ""), () => scenario.Git.RemoteBranchTip = scenario.Git.ForeignCommit(start));

        var result = scenario.Run();

        Assert.Equal(ReleaseOutcome.Skipped, result.Outcome);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("RSDK4104", warning.Code);
        Assert.Contains("the run for the newer commit releases it", warning.Message);
        Assert.Equal(start, scenario.Git.HeadSha);
        Assert.Equal(files, scenario.Git.WorkTree);
        Assert.Empty(scenario.Git.LocalTags);
        Assert.Empty(scenario.Git.Pushes);
        Assert.DoesNotContain(scenario.Hooks.Ran, c => c.StartsWith("fail", StringComparison.Ordinal));
    }

    [Fact]
    public void RemoteAlreadyMovedAtStartSkipsBeforeAnyWork()
    {
        var scenario = new ReleaseScenario();
        scenario.Git.RemoteBranchTip = scenario.Git.ForeignCommit(scenario.Git.HeadSha);

        var result = scenario.Run();

        Assert.Equal(ReleaseOutcome.Skipped, result.Outcome);
        Assert.Equal(["verify-conditions main"], scenario.Hooks.Ran);
        Assert.Equal(["fetch"], scenario.Git.Events);
    }

    [Fact]
    public void LocalBranchAheadOfTheRemoteIsNotAMove()
    {
        var scenario = new ReleaseScenario();
        var behind = scenario.Git.HeadSha;
        scenario.Git.WorkTree["src.txt"] = "more";
        scenario.Git.CommitAll("fix: local only");
        scenario.Git.RemoteBranchTip = behind;

        var result = scenario.Run();

        Assert.Equal(ReleaseOutcome.Released, result.Outcome);
        Assert.Equal(scenario.Git.HeadSha, scenario.Git.RemoteBranchTip);
    }

    [Fact]
    public void RejectedPushDeletesTheTagAndUndoesTheReleaseCommit()
    {
        var scenario = new ReleaseScenario();
        var start = scenario.Git.HeadSha;
        var files = new Dictionary<string, string>(scenario.Git.WorkTree);
        scenario.Git.RejectPushWith = "refs/heads/main: fetch first";

        var result = scenario.Run();

        Assert.Equal("RSDK4105", result.Error!.Code);
        Assert.Contains("fetch first", result.Error.Message);
        Assert.Empty(scenario.Git.LocalTags);
        Assert.Equal(start, scenario.Git.HeadSha);
        Assert.Equal(files, scenario.Git.WorkTree);
        Assert.Contains("delete-tag v1.1.0", scenario.Git.Events);
        Assert.Equal("fail 1.1.0", scenario.Hooks.Ran[^1]);
    }

    [Fact]
    public void TagOfTheVersionOnAnotherCommitIsAConflict()
    {
        var scenario = new ReleaseScenario();
        scenario.Git.LocalTags["v1.1.0"] = scenario.Git.ForeignCommit(scenario.Git.HeadSha);

        var result = scenario.Run();

        Assert.Equal("RSDK4106", result.Error!.Code);
        Assert.Empty(scenario.Git.Pushes);
    }

    [Fact]
    public void StampPatternMatchingNothingStopsBeforeAnyFileIsWritten()
    {
        var scenario = new ReleaseScenario();
        scenario.Overrides = scenario.Overrides with { VersionFiles = [new Release.Sdk.Engine.Stamping.VersionFileSpec("docs/conf.py", Pattern: "release = '[^']+'", Replacement: "release = '${version}'")] };
        var files = new Dictionary<string, string>(scenario.Git.WorkTree);

        var result = scenario.Run();

        Assert.Equal("RSDK4001", result.Error!.Code);
        Assert.Equal(files, scenario.Git.WorkTree);
    }
}
