using Release.Sdk.Notify.Events;

namespace Release.Sdk.Notify.Configuration;

/// <summary>What each kind sends when its configuration does not say: the seed mails and updates the status page for production only.</summary>
internal static class NotifierDefaults
{
    public const string SlackApi = "https://slack.com/api/chat.postMessage";
    public const string PagerDutyEvents = "https://events.pagerduty.com/v2/enqueue";
    public const string StatuspageApi = "https://api.statuspage.io/v1";
    public const string SignatureHeader = "X-Release-Sdk-Signature-256";

    public static IReadOnlySet<string>? Environments(NotifierKind kind) => kind is NotifierKind.Email or NotifierKind.Statuspage
        ? new HashSet<string>(["production"], StringComparer.OrdinalIgnoreCase)
        : null;

    /// <summary>PagerDuty pages on failures and resolves on the following success; started/promoted are not incidents.</summary>
    public static IReadOnlySet<NotificationKind>? Events(NotifierKind kind) => kind == NotifierKind.PagerDuty
        ? new HashSet<NotificationKind>([NotificationKind.ReleaseFailed, NotificationKind.ReleaseSucceeded, NotificationKind.DeployRolledBack, NotificationKind.DeployAlert, NotificationKind.DeployCompleted])
        : null;
}
