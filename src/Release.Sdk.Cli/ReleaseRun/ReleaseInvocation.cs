using Release.Sdk.Cli.Commands;

namespace Release.Sdk.Cli.ReleaseRun;

/// <summary>A release run as asked for on the command line.</summary>
internal sealed record ReleaseInvocation(
    ComputationRequest Computation,
    bool DryRun,
    bool TagOnly = false,
    bool NoPush = false,
    string? PlanFile = null,
    string? SettingsFile = null,
    IReadOnlyList<string>? VersionFiles = null,
    string? TokenVariable = null,
    TimeSpan? HookTimeout = null);
