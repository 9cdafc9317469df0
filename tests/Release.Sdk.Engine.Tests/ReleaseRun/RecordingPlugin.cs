using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Engine.Tests.ReleaseRun;

/// <summary>A plugin that records each lifecycle call (with the context it saw) and can be told to fail a step.</summary>
internal sealed class RecordingPlugin(string name = "recorder") : IReleasePlugin
{
    public string Name => name;
    public List<string> Calls { get; } = [];
    public List<ReleaseContext> Contexts { get; } = [];
    public ReleaseStep? FailAt { get; set; }
    public int FailuresLeft { get; set; } = int.MaxValue;
    public string? Notes { get; set; }
    public ReleaseException? FailedWith { get; private set; }

    public void VerifyConditions(ReleaseContext context) => Record(ReleaseStep.VerifyConditions, context);
    public void VerifyRelease(ReleaseContext context) => Record(ReleaseStep.VerifyRelease, context);

    public string? GenerateNotes(ReleaseContext context)
    {
        Record(ReleaseStep.GenerateNotes, context);
        return Notes;
    }

    public void Publish(ReleaseContext context)
    {
        Record(ReleaseStep.Publish, context);
        if (!context.Journal.IsDone($"{Name}:published")) context.Journal.MarkDone($"{Name}:published", $"https://example.test/{context.Tag}");
        context.Outputs["release-url"] = $"https://example.test/{context.Tag}";
    }

    public void Success(ReleaseContext context) => Record(ReleaseStep.Success, context);

    public void Fail(ReleaseContext context, ReleaseException error)
    {
        FailedWith = error;
        Calls.Add("fail");
        Contexts.Add(context);
    }

    private void Record(ReleaseStep step, ReleaseContext context)
    {
        Calls.Add(step.ToString().ToLowerInvariant());
        Contexts.Add(context);
        if (FailAt == step && FailuresLeft-- > 0)
            throw new ReleaseException(DiagnosticCatalog.HookFailed, $"{Name} failed at {step}");
    }
}
