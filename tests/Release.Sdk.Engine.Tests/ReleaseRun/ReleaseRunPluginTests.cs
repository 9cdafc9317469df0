using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Engine.Tests.ReleaseRun;

public sealed class ReleaseRunPluginTests
{
    [Fact]
    public void PluginsRunEachLifecycleStepInOrderAfterTheStepsHook()
    {
        var scenario = new ReleaseScenario();
        var plugin = new RecordingPlugin { Notes = "### Gates\n\n| gate | status |\n" };
        scenario.Plugins.Add(plugin);

        var result = scenario.Run();

        Assert.Equal(ReleaseOutcome.Released, result.Outcome);
        Assert.Equal(["verifyconditions", "verifyrelease", "generatenotes", "publish", "success"], plugin.Calls);
        var publish = plugin.Contexts[3];
        Assert.Equal(("1.1.0", "v1.1.0", "1.0.0", "minor"), (publish.Version, publish.Tag, publish.PreviousVersion, publish.ReleaseType));
        Assert.Contains("add export", publish.Notes, StringComparison.Ordinal);
        Assert.EndsWith("### Gates\n\n| gate | status |", publish.Notes, StringComparison.Ordinal);
        Assert.Equal(2, publish.Commits.Count);
        Assert.Null(plugin.Contexts[0].Version);
        Assert.Equal("https://example.test/v1.1.0", result.Outputs["release-url"]);
        Assert.True(scenario.Git.Journals["v1.1.0"].IsDone("release:completed"));
    }

    [Fact]
    public void AFailingVerifyReleasePluginStopsTheReleaseBeforeAnythingIsWritten()
    {
        var scenario = new ReleaseScenario();
        var gate = new RecordingPlugin("gates") { FailAt = ReleaseStep.VerifyRelease };
        scenario.Plugins.Add(gate);
        var head = scenario.Git.HeadSha;

        var result = scenario.Run();

        Assert.Equal(ReleaseOutcome.Failed, result.Outcome);
        Assert.Equal("gates failed at VerifyRelease", result.Error!.Message);
        Assert.Equal(head, scenario.Git.HeadSha);
        Assert.Empty(scenario.Git.LocalTags);
        Assert.Empty(scenario.Git.Pushes);
        Assert.Empty(scenario.Git.DirtyPaths());
        Assert.Equal(["verifyconditions", "verifyrelease", "fail"], gate.Calls);
        Assert.Same(result.Error, gate.FailedWith);
        Assert.Contains("fail 1.1.0", scenario.Hooks.Ran);
    }

    [Fact]
    public void APluginBugIsReportedWithThePluginsNameAndUndoneLikeAnyFailure()
    {
        var scenario = new ReleaseScenario();
        scenario.Plugins.Add(new ThrowingPlugin());

        var result = scenario.Run();

        Assert.Equal(ReleaseOutcome.Failed, result.Outcome);
        Assert.Equal(DiagnosticCatalog.InternalError, result.Error!.Descriptor);
        Assert.Contains("'broken' plugin's VerifyRelease step: InvalidOperationException: oops", result.Error.Message, StringComparison.Ordinal);
        Assert.Empty(scenario.Git.LocalTags);
    }

    [Fact]
    public void ADryRunCallsOnlyTheStepsBeforeAnythingIsWritten()
    {
        var scenario = new ReleaseScenario { DryRun = true };
        var plugin = new RecordingPlugin();
        scenario.Plugins.Add(plugin);

        var result = scenario.Run();

        Assert.Equal(ReleaseOutcome.Planned, result.Outcome);
        Assert.Equal(["verifyconditions", "verifyrelease", "generatenotes"], plugin.Calls);
        Assert.All(plugin.Contexts, c => Assert.True(c.DryRun));
        Assert.Empty(scenario.Git.Journals);
    }

    [Fact]
    public void ACiRerunOfTheOriginalCommitCompletesAPublishThatFailedAfterThePush()
    {
        var scenario = new ReleaseScenario();
        var github = new RecordingPlugin("github") { FailAt = ReleaseStep.Publish, FailuresLeft = 1 };
        scenario.Plugins.Add(github);
        var original = scenario.Git.HeadSha;

        var first = scenario.Run();
        Assert.Equal(ReleaseOutcome.Failed, first.Outcome);
        var releaseCommit = scenario.Git.RemoteTags["v1.1.0"];
        Assert.Equal(releaseCommit, scenario.Git.RemoteBranchTip);
        var firstNotes = github.Contexts.Last(c => c.Notes.Length > 0).Notes;

        // The re-run CI job checks out the sha it was started for: the commit before the release commit.
        scenario.Git.ResetHard(original);
        scenario.Hooks = new FakeHooks();
        github.Calls.Clear();
        github.Contexts.Clear();
        var pushes = scenario.Git.Pushes.Count;
        var rerun = scenario.Run();

        Assert.Equal(ReleaseOutcome.Released, rerun.Outcome);
        Assert.True(rerun.Resumed);
        Assert.Equal(pushes, scenario.Git.Pushes.Count);
        Assert.Equal(releaseCommit, scenario.Git.RemoteTags["v1.1.0"]);
        Assert.Equal(["verifyconditions", "publish", "success"], github.Calls);
        Assert.Equal(firstNotes.TrimEnd(), github.Contexts[1].Notes);
        Assert.True(github.Contexts[1].Resumed);
        // publishCmd ran in the first run (before the plugin failed): it does not run twice.
        Assert.Equal(["verify-conditions main", "success 1.1.0"], scenario.Hooks.Ran);
        Assert.True(scenario.Git.Journals["v1.1.0"].IsDone("release:completed"));
    }

    [Fact]
    public void ARerunOnTheReleaseCommitCompletesThePublishStepsOnce()
    {
        var scenario = new ReleaseScenario();
        var notify = new RecordingPlugin("notify") { FailAt = ReleaseStep.Success, FailuresLeft = 1 };
        scenario.Plugins.Add(notify);
        Assert.Equal(ReleaseOutcome.Failed, scenario.Run().Outcome);

        scenario.Decision = scenario.TaggedDecision("1.1.0");
        notify.Calls.Clear();
        Assert.Equal(ReleaseOutcome.Released, scenario.Run().Outcome);
        Assert.Equal(["verifyconditions", "publish", "success"], notify.Calls);

        notify.Calls.Clear();
        var third = scenario.Run();
        Assert.Equal(ReleaseOutcome.NoRelease, third.Outcome);
        Assert.Equal(["verifyconditions"], notify.Calls);
    }

    [Fact]
    public void AResumedPushReadsTheNotesBackFromTheTagMessage()
    {
        var scenario = new ReleaseScenario();
        var plugin = new RecordingPlugin();
        scenario.Plugins.Add(plugin);
        scenario.Git.LocalTags["v1.1.0"] = scenario.Git.HeadSha;
        scenario.Git.TagMessages["v1.1.0"] = "v1.1.0\n\n## [1.1.0](https://x/compare/v1.0.0...v1.1.0) (2026-03-04)\n\n### Features\n\n* add export\n";
        scenario.Decision = scenario.TaggedDecision("1.1.0");

        var result = scenario.Run();

        Assert.Equal(ReleaseOutcome.Released, result.Outcome);
        Assert.Equal("## [1.1.0](https://x/compare/v1.0.0...v1.1.0) (2026-03-04)\n\n### Features\n\n* add export", plugin.Contexts.Last().Notes);
    }

    [Theory]
    [InlineData("v1.2.0\n\nnotes line\n\nmore\n", "notes line\n\nmore")]
    [InlineData("v1.2.0", "")]
    [InlineData("v1.2.0\n", "")]
    [InlineData("hand-written message\n", "hand-written message")]
    [InlineData(null, "")]
    public void NotesComeBackFromTheTagMessageWithoutTheTagLine(string? message, string notes) =>
        Assert.Equal(notes, ReleaseOrchestrator.NotesFromTagMessage(message, "v1.2.0"));

    private sealed class ThrowingPlugin : IReleasePlugin
    {
        public string Name => "broken";

        public void VerifyRelease(ReleaseContext context) => throw new InvalidOperationException("oops");
    }
}
