namespace Release.Sdk.Engine.Diagnostics;

// 5040-5059 — the analysis gates (benchmark regression, API compatibility, EF Core migrations).
internal static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor BenchmarkReportInvalid = new("RSDK5040", Severity.Error, "A BenchmarkDotNet report cannot be read");
    public static readonly DiagnosticDescriptor OpenApiDocumentInvalid = new("RSDK5041", Severity.Error, "An OpenAPI document cannot be read");
    public static readonly DiagnosticDescriptor GateBaselineUnavailable = new("RSDK5042", Severity.Error, "A gate's baseline (previous release's results or API) cannot be found");
}
