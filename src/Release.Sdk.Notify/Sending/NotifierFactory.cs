using Release.Sdk.Notify.Configuration;
using Release.Sdk.Notify.Notifiers;

namespace Release.Sdk.Notify.Sending;

internal static class NotifierFactory
{
    /// <summary>Slack with a token posts through chat.postMessage (per-environment channels); without one through the incoming webhook.</summary>
    public static INotifier Create(NotifierOptions options, NotifierSecrets secrets, HttpClient http) => options.Kind switch
    {
        NotifierKind.Slack when options.TokenVariable is not null => new SlackChatNotifier(options, secrets, http),
        NotifierKind.Slack => new SlackWebhookNotifier(options, secrets, http),
        NotifierKind.Teams => new TeamsNotifier(options, secrets, http),
        NotifierKind.Webhook => new WebhookNotifier(options, secrets, http),
        NotifierKind.Email => new EmailNotifier(options, secrets),
        NotifierKind.PagerDuty => new PagerDutyNotifier(options, secrets, http),
        NotifierKind.Statuspage => new StatuspageNotifier(options, secrets, http),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "unknown notifier kind"),
    };
}
