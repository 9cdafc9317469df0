using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Analysis;

/// <summary>What a pure evaluator decides; the gate adds its name, kind and duration to make the GateResult.</summary>
internal sealed record GateVerdict(
    GateStatus Status,
    string Summary,
    IReadOnlyList<GateFigure> Figures,
    IReadOnlyList<GateFinding> Findings,
    string? Remedy)
{
    public static GateVerdict CannotRun(string reason, string remedy) => new(GateStatus.Fail, reason, [], [], remedy);

    public GateResult ToResult(string gate, string kind, TimeSpan duration) =>
        new(gate, kind, Status, Summary, Figures, Findings, Remedy, duration);
}
