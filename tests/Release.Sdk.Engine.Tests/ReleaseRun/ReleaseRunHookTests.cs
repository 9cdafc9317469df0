using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Engine.Tests.ReleaseRun;

public sealed class ReleaseRunHookTests
{
    [Fact]
    public void AnalyzeCommitsCmdCanRaiseTheReleaseType()
    {
        var scenario = new ReleaseScenario();
        scenario.Overrides = scenario.Overrides with { Hooks = new ExecHooks { AnalyzeCommitsCmd = "analyze" } };
        scenario.Hooks.On("analyze", new HookResult(0, "major\n", ""));

        var result = scenario.Run();

        Assert.Equal(ReleaseOutcome.Released, result.Outcome);
        Assert.Equal("2.0.0", result.Plan!.Version);
        Assert.Equal(scenario.Git.HeadSha, scenario.Git.RemoteTags["v2.0.0"]);
    }

    [Fact]
    public void AnalyzeCommitsCmdCannotLowerTheReleaseType()
    {
        var scenario = new ReleaseScenario();
        scenario.Overrides = scenario.Overrides with { Hooks = new ExecHooks { AnalyzeCommitsCmd = "analyze" } };
        scenario.Hooks.On("analyze", new HookResult(0, "patch", ""));

        Assert.Equal("1.1.0", scenario.Run().Plan!.Version);
    }

    [Fact]
    public void AnalyzeCommitsCmdPrintingSomethingElseIsACodedError()
    {
        var scenario = new ReleaseScenario();
        scenario.Overrides = scenario.Overrides with { Hooks = new ExecHooks { AnalyzeCommitsCmd = "analyze" } };
        scenario.Hooks.On("analyze", new HookResult(0, "huge", ""));

        Assert.Equal("RSDK4107", scenario.Run().Error!.Code);
    }

    [Fact]
    public void GenerateNotesCmdOutputIsAppendedToTheNotes()
    {
        var scenario = new ReleaseScenario { DryRun = true };
        scenario.Overrides = scenario.Overrides with { Hooks = new ExecHooks { GenerateNotesCmd = "notes" } };

        var dry = scenario.Run();
        scenario.DryRun = false;
        scenario.Hooks.On("notes", new HookResult(0, "Extra line from the hook\n", ""));
        var real = scenario.Run();

        Assert.Equal(dry.Plan!.Notes + "\n\nExtra line from the hook", real.Plan!.Notes);
        Assert.EndsWith("Extra line from the hook", scenario.Git.HeadMessage);
    }

    [Fact]
    public void FirstReleaseRendersLastReleaseEmpty()
    {
        var scenario = new ReleaseScenario();
        scenario.Decision = scenario.DueDecision() with { PreviousVersion = null, PreviousTag = null, NextVersion = "1.0.0", NextTag = "v1.0.0" };
        scenario.Overrides = scenario.Overrides with { VersionFiles = [] };

        var result = scenario.Run();

        Assert.Equal(ReleaseOutcome.Released, result.Outcome);
        Assert.Contains("prepare 1.0.0 from ", scenario.Hooks.Ran);
    }

    [Fact]
    public void AnalyzeCommitsCmdFailingStopsTheRunAndRunsFailCmd()
    {
        var scenario = new ReleaseScenario();
        scenario.Overrides = scenario.Overrides with { Hooks = new ExecHooks { AnalyzeCommitsCmd = "analyze ${lastRelease.gitTag}" } };
        scenario.Hooks.Fail("analyze");

        var result = scenario.Run();

        Assert.Equal("RSDK4103", result.Error!.Code);
        Assert.Contains("analyzeCommitsCmd exited with code 3: analyze v1.0.0", result.Error.Message);
        Assert.Empty(scenario.Git.LocalTags);
        Assert.Equal(["verify-conditions main", "analyze v1.0.0", "fail "], scenario.Hooks.Ran);
    }
}
