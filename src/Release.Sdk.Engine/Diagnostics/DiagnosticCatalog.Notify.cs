namespace Release.Sdk.Engine.Diagnostics;

internal static partial class DiagnosticCatalog
{
    // 65xx — notifications and CI outputs (6501-6549). A notifier never fails a release or a deploy: delivery problems are warnings.
    public static readonly DiagnosticDescriptor NotifierFailed = new("RSDK6501", Severity.Warning, "A notifier could not deliver its message; the release or deploy is unaffected");
    public static readonly DiagnosticDescriptor InvalidNotifier = new("RSDK6502", Severity.Error, "A notifier's configuration is invalid");
    public static readonly DiagnosticDescriptor NotifierSecretMissing = new("RSDK6503", Severity.Warning, "The environment variable holding a notifier's secret is not set");
    public static readonly DiagnosticDescriptor CiOutputWriteFailed = new("RSDK6504", Severity.Warning, "Could not write the release outputs to $GITHUB_OUTPUT or $GITHUB_STEP_SUMMARY");
    public static readonly DiagnosticDescriptor GateSummaryUnreadable = new("RSDK6505", Severity.Warning, "The gate report for the step summary could not be read");
}
