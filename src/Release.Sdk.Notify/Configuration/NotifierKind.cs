namespace Release.Sdk.Notify.Configuration;

internal enum NotifierKind
{
    Slack,
    Teams,
    Webhook,
    Email,
    PagerDuty,
    Statuspage,
}
