namespace Release.Sdk.Engine.Diagnostics;

// 5001-5019 — quality gates: framework, report, command and docs gates (gates-core).
internal static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor GatesFailed = new("RSDK5001", Severity.Error, "A quality gate failed; the release is blocked");
    public static readonly DiagnosticDescriptor UnknownGateKind = new("RSDK5002", Severity.Error, "A ReleaseGate item names a gate kind Release.Sdk does not know");
    public static readonly DiagnosticDescriptor GateSettingInvalid = new("RSDK5003", Severity.Error, "A quality gate's setting (ReleaseGate metadata or property) is invalid");
    public static readonly DiagnosticDescriptor GatesSettingsInvalid = new("RSDK5004", Severity.Error, "The gates settings file is missing or is not valid JSON of the expected shape");
    public static readonly DiagnosticDescriptor GateWarned = new("RSDK5005", Severity.Warning, "A quality gate reported a warning (warnings never block)");
    public static readonly DiagnosticDescriptor GatesFailedReportOnly = new("RSDK5006", Severity.Warning, "A quality gate failed, but ReleaseGatesMode=report: reported, not blocking");
    public static readonly DiagnosticDescriptor GateReportWriteFailed = new("RSDK5007", Severity.Warning, "The gates report could not be written or appended to the GitHub step summary");
    public static readonly DiagnosticDescriptor DuplicateGateName = new("RSDK5008", Severity.Error, "Two quality gates have the same name");
}
