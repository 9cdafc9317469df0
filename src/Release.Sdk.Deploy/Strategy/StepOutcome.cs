using Release.Sdk.Deploy.Analysis;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Deploy.Strategy;

internal enum StepResult
{
    Next,
    Pause,
    Fail,
}

/// <summary>What a step decided: go on, pause for an operator, or fail (→ rollback) with the reason and the verdict behind it.</summary>
internal sealed record StepOutcome(StepResult Result, string? Reason = null, Verdict? Verdict = null, DiagnosticDescriptor? Code = null)
{
    public static readonly StepOutcome Next = new(StepResult.Next);

    public static StepOutcome Paused(string reason) => new(StepResult.Pause, reason);

    public static StepOutcome Failed(string reason, DiagnosticDescriptor code, Verdict? verdict = null) => new(StepResult.Fail, reason, verdict, code);
}

/// <summary>Thrown out of a wait when another shell asked to abort: the run loop turns it into a rollback.</summary>
internal sealed class AbortRequestedException(string reason) : Exception(reason);
