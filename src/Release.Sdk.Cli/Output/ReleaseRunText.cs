using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Cli.Output;

/// <summary>A release run's outcome: diagnostics and the error on stderr, the plan or one summary line on stdout.</summary>
internal static class ReleaseRunText
{
    /// <param name="result">The run; its log was already streamed as progress.</param>
    public static void Write(TextWriter output, TextWriter error, ReleaseRunResult result)
    {
        DiagnosticWriter.WriteAll(error, result.Diagnostics);
        if (result.Error is { } e) DiagnosticWriter.WriteError(error, e.Descriptor, e.Message);
        switch (result.Outcome)
        {
            case ReleaseOutcome.Planned:
                PlanText.Write(output, result.Plan!);
                break;
            case ReleaseOutcome.Released:
                output.WriteLine($"Release.Sdk: released {result.Plan!.Version} ({result.Plan.Tag}){(result.Resumed ? ", completing an earlier run" : "")}.");
                break;
            case ReleaseOutcome.NoRelease:
                output.WriteLine($"Release.Sdk: no release: {result.Reason}.");
                break;
            case ReleaseOutcome.Skipped:
                output.WriteLine("Release.Sdk: nothing released: the remote branch moved since this build started (RSDK4104); the next run releases.");
                break;
            case ReleaseOutcome.Failed:
                output.WriteLine($"Release.Sdk: the release failed ({result.Error?.Code}).");
                break;
        }
    }
}
