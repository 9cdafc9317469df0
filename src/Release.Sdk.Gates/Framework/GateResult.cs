namespace Release.Sdk.Gates.Framework;

internal enum GateStatus
{
    Pass,
    Warn,
    Fail,
}

/// <summary>A measured figure and the threshold it was held against, e.g. ("line coverage", 87.3, "%", 85).</summary>
internal sealed record GateFigure(string Name, double Value, string Unit, double? Threshold = null);

/// <summary>One finding behind a figure: a failed test, a security rule hit, a vulnerable package, a breaking API change…</summary>
internal sealed record GateFinding(string Rule, string Message, string? File = null, int? Line = null, string? Severity = null);

/// <summary>
/// A gate's verdict. <paramref name="Summary"/> is one line with the figures (it becomes the MSBuild line);
/// <paramref name="Remedy"/> says what to do about a failure or warning.
/// </summary>
internal sealed record GateResult(
    string Gate,
    string Kind,
    GateStatus Status,
    string Summary,
    IReadOnlyList<GateFigure> Figures,
    IReadOnlyList<GateFinding> Findings,
    string? Remedy,
    TimeSpan Duration);
