using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>
/// The end of a release run: its outcome, the plan (null when no release was due), the progress log (one line per
/// step, no secrets), non-fatal diagnostics, and the coded error of a failed run.
/// </summary>
internal sealed record ReleaseRunResult
{
    public required ReleaseOutcome Outcome { get; init; }
    public ReleasePlan? Plan { get; init; }

    /// <summary>Why there is no release (for <see cref="ReleaseOutcome.NoRelease"/>).</summary>
    public string? Reason { get; init; }

    /// <summary>True when this run only completed what an earlier, interrupted run had started (push of an existing tag).</summary>
    public bool Resumed { get; init; }

    public IReadOnlyList<string> Log { get; init; } = [];
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
    public ReleaseException? Error { get; init; }

    /// <summary>What plugins reported for CI outputs and later steps, e.g. "release-url".</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();
}
