namespace Release.Sdk.Engine.Diagnostics;

// 70xx — deploy engine (deploy-core: 7001-7049). The adapters (routers, workloads, metric providers) use 7050-7099.
internal static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor InvalidDeploySetting = new("RSDK7001", Severity.Error, "A deploy setting (ReleaseDeploy* property or plan key) is invalid");
    public static readonly DiagnosticDescriptor DeployPlanUnreadable = new("RSDK7002", Severity.Error, "The deploy plan file is missing or is not valid JSON");
    public static readonly DiagnosticDescriptor DeployLocked = new("RSDK7003", Severity.Error, "Another process is driving this deploy");
    public static readonly DiagnosticDescriptor DeployInterrupted = new("RSDK7004", Severity.Error, "The previous deploy's process died mid-deploy; retry or roll it back first");
    public static readonly DiagnosticDescriptor NoDeployJournal = new("RSDK7005", Severity.Error, "There is no deploy journal in the state directory");
    public static readonly DiagnosticDescriptor DeployJournalUnreadable = new("RSDK7006", Severity.Error, "The deploy journal is not valid JSON");
    public static readonly DiagnosticDescriptor DeployRolledBack = new("RSDK7007", Severity.Error, "The deploy was rolled back: traffic is back on the previous version");
    public static readonly DiagnosticDescriptor DeployHookFailed = new("RSDK7008", Severity.Error, "A deploy hook (smoke test or migration) failed before any traffic reached the new version");
    public static readonly DiagnosticDescriptor DeployPaused = new("RSDK7009", Severity.Warning, "The deploy is paused: analysis was inconclusive or a manual step waits for 'deploy promote'");
    public static readonly DiagnosticDescriptor DeployDeadlineExceeded = new("RSDK7010", Severity.Error, "The rolling deploy did not finish before its deadline");
    public static readonly DiagnosticDescriptor DeployTargetUnavailable = new("RSDK7011", Severity.Error, "The deploy target or metric provider is not known or could not be reached");
    public static readonly DiagnosticDescriptor MonitorTripped = new("RSDK7012", Severity.Error, "Post-release monitoring found a rollback rule breached");
    public static readonly DiagnosticDescriptor NothingInFlight = new("RSDK7013", Severity.Warning, "Nothing to do: no deploy is in flight");
}
