namespace Release.Sdk.Engine.Diagnostics;

internal static partial class DiagnosticCatalog
{
    // 5020-5039 — built-in build gates (coverage, security, vulnerable dependencies, container image)
    public static readonly DiagnosticDescriptor InvalidGateSetting = new("RSDK5020", Severity.Error, "A built-in gate's setting (ReleaseGate item metadata) has an invalid value");
    public static readonly DiagnosticDescriptor GateReportUnreadable = new("RSDK5021", Severity.Error, "A gate's tool wrote a report the gate cannot read (Cobertura, TRX, SARIF, NuGet audit JSON or container archive)");
}
