namespace Release.Sdk.Engine.Diagnostics;

// 5020-5039 — built-in build gates: coverage, security, vulnerable dependencies, container image (gates-build).
// Invalid settings of these gates use the framework's RSDK5003.
internal static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor GateReportUnreadable = new("RSDK5020", Severity.Error, "A gate's tool wrote a report the gate cannot read (Cobertura, TRX, SARIF, NuGet audit JSON or container archive)");
}
