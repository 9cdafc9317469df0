namespace Release.Sdk.Engine.Diagnostics;

/// <summary>Deploy infrastructure (70xx, deploy-router 7050-7099): the local router, HAProxy, local processes, metric providers.</summary>
internal static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor RouterNotFound = new("RSDK7050", Severity.Error, "The Release.Sdk router (Release.Sdk.Router.dll) was not found");
    public static readonly DiagnosticDescriptor RouterStartFailed = new("RSDK7051", Severity.Error, "The local router process did not start");
    public static readonly DiagnosticDescriptor RouterAdminFailed = new("RSDK7052", Severity.Error, "The router's admin API refused or failed a request");
    public static readonly DiagnosticDescriptor InstanceNotHealthy = new("RSDK7053", Severity.Error, "A new instance did not pass its health check in time");
    public static readonly DiagnosticDescriptor InvalidTrafficWeights = new("RSDK7054", Severity.Error, "Traffic weights must be whole percents per group summing to 100");
    public static readonly DiagnosticDescriptor HaproxyNotFound = new("RSDK7055", Severity.Error, "The haproxy executable was not found");
    public static readonly DiagnosticDescriptor HaproxyStartFailed = new("RSDK7056", Severity.Error, "HAProxy did not start or its runtime API (stats socket) does not answer");
    public static readonly DiagnosticDescriptor HaproxyCommandFailed = new("RSDK7057", Severity.Error, "An HAProxy runtime API command failed");
    public static readonly DiagnosticDescriptor WorkloadAppNotFound = new("RSDK7058", Severity.Error, "The publish directory has no runnable app");
    public static readonly DiagnosticDescriptor WorkloadStartFailed = new("RSDK7059", Severity.Error, "An instance of the app exited right after it started");
    public static readonly DiagnosticDescriptor MetricQueryFailed = new("RSDK7060", Severity.Error, "A metric query failed (the metric system could not be reached or answered with an error)");
    public static readonly DiagnosticDescriptor MetricResponseInvalid = new("RSDK7061", Severity.Error, "A metric system's answer could not be read as numbers");
    public static readonly DiagnosticDescriptor InvalidMetricQuery = new("RSDK7062", Severity.Error, "A metric query expression is not valid for its provider");
}
