using Release.Sdk.Notify.Configuration;
using Release.Sdk.Notify.Events;
using Release.Sdk.Notify.Sending;

namespace Release.Sdk.Notify.Notifiers;

/// <summary>
/// Slack incoming webhook: POST the message as JSON; Slack answers 200 "ok", or 4xx with a reason in plain text
/// ("invalid_payload", "no_service", "channel_is_archived"). The webhook address is the secret (UrlVariable).
/// </summary>
internal sealed class SlackWebhookNotifier(NotifierOptions options, NotifierSecrets secrets, HttpClient http) : INotifier
{
    public string Name => options.Name;

    public NotifierKind Kind => NotifierKind.Slack;

    public async Task SendAsync(NotificationEvent notification, CancellationToken cancellationToken)
    {
        var url = secrets.Endpoint(Name, options.Url, options.UrlVariable);
        using var request = HttpDelivery.Json(HttpMethod.Post, url, SlackMessage.Build(notification, channel: null));
        await HttpDelivery.SendAsync(http, request, "the Slack webhook", cancellationToken).ConfigureAwait(false);
    }
}
