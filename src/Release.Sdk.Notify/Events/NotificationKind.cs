namespace Release.Sdk.Notify.Events;

/// <summary>What happened. The wire names (<see cref="NotificationKinds.WireName"/>) are what configuration filters and payloads use.</summary>
internal enum NotificationKind
{
    ReleaseSucceeded,
    ReleaseFailed,
    DeployStarted,
    DeployPromoted,
    DeployRolledBack,
    DeployCompleted,

    /// <summary>Post-release monitoring tripped and there was no previous version to roll back to: people must act.</summary>
    DeployAlert,
}

/// <summary>Whether the event is good news, bad news, or news of work in progress (drives colours, PagerDuty actions, Statuspage states).</summary>
internal enum NotificationStatus
{
    Success,
    Failure,
    InProgress,
}

internal static class NotificationKinds
{
    public static IReadOnlyList<NotificationKind> All { get; } = Enum.GetValues<NotificationKind>();

    public static string WireName(this NotificationKind kind) => kind switch
    {
        NotificationKind.ReleaseSucceeded => "release-succeeded",
        NotificationKind.ReleaseFailed => "release-failed",
        NotificationKind.DeployStarted => "deploy-started",
        NotificationKind.DeployPromoted => "deploy-promoted",
        NotificationKind.DeployRolledBack => "deploy-rolled-back",
        NotificationKind.DeployCompleted => "deploy-completed",
        NotificationKind.DeployAlert => "deploy-alert",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static NotificationKind? Parse(string wireName) =>
        All.Cast<NotificationKind?>().FirstOrDefault(k => string.Equals(k!.Value.WireName(), wireName.Trim(), StringComparison.OrdinalIgnoreCase));

    public static NotificationStatus Status(this NotificationKind kind) => kind switch
    {
        NotificationKind.ReleaseSucceeded or NotificationKind.DeployCompleted => NotificationStatus.Success,
        NotificationKind.ReleaseFailed or NotificationKind.DeployRolledBack or NotificationKind.DeployAlert => NotificationStatus.Failure,
        _ => NotificationStatus.InProgress,
    };

    public static string WireName(this NotificationStatus status) => status switch
    {
        NotificationStatus.Success => "success",
        NotificationStatus.Failure => "failure",
        _ => "in-progress",
    };

    public static bool IsDeploy(this NotificationKind kind) => kind is not (NotificationKind.ReleaseSucceeded or NotificationKind.ReleaseFailed);
}
