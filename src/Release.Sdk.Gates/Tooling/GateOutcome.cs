using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Tooling;

/// <summary>What a gate's pure evaluator decides; the gate adds its name, kind and duration.</summary>
internal sealed record GateOutcome(GateStatus Status, string Summary, IReadOnlyList<GateFigure> Figures, IReadOnlyList<GateFinding> Findings, string? Remedy)
{
    public GateResult ToResult(string gate, string kind, TimeSpan duration) =>
        new(gate, kind, Status, Summary, Figures, Findings, Remedy, duration);
}
