using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Report;

/// <summary>Everything release-gates.json and release-gates.md say: one gates run.</summary>
/// <param name="DryRun">The run was part of a release dry run: reported, never blocking.</param>
internal sealed record GateReport(
    DateTimeOffset GeneratedAt,
    GatesMode Mode,
    bool DryRun,
    GateRelease? Release,
    IReadOnlyList<GateResult> Results,
    TimeSpan Duration)
{
    /// <summary>Bumped only on a breaking change to release-gates.json (removed or renamed fields); additions keep it.</summary>
    public const int SchemaVersion = 1;

    public IReadOnlyList<GateResult> Failed => Results.Where(r => r.Status == GateStatus.Fail).ToList();

    public IReadOnlyList<GateResult> Warned => Results.Where(r => r.Status == GateStatus.Warn).ToList();

    public GateStatus Outcome => Failed.Count > 0 ? GateStatus.Fail : Warned.Count > 0 ? GateStatus.Warn : GateStatus.Pass;

    /// <summary>A gate failed and the run may block: mode block, not a dry run.</summary>
    public bool Blocks => Failed.Count > 0 && Mode == GatesMode.Block && !DryRun;

    public int Count(GateStatus status) => Results.Count(r => r.Status == status);
}
