using Release.Sdk.Gates.Tooling;

namespace Release.Sdk.Gates.Security;

/// <summary>One security analyzer hit from SARIF: rule, where, and the severity the gate judges it by.</summary>
internal sealed record SecurityFinding(string Rule, string Message, string? File, int? Line, FindingSeverity Severity, bool Suppressed);
