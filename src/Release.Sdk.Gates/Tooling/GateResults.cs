using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Tooling;

/// <summary>Result builders shared by the built-in gates, so "could not run" always reads the same way.</summary>
internal static class GateResults
{
    public static GateResult CouldNotRun(string gate, string kind, string reason, string remedy, TimeSpan duration,
        IReadOnlyList<GateFinding>? findings = null) =>
        new(gate, kind, GateStatus.Fail, $"could not run: {reason}", [], findings ?? [], remedy, duration);

    public static GateResult FromError(string gate, string kind, ReleaseException error, TimeSpan duration) =>
        new(gate, kind, GateStatus.Fail, $"{error.Code}: {error.Message}", [], [], $"See docs/diagnostics/{error.Code}.md.", duration);
}
