using System.Security.Cryptography;
using System.Text;
using Release.Sdk.Notify.Configuration;
using Release.Sdk.Notify.Events;
using Release.Sdk.Notify.Sending;

namespace Release.Sdk.Notify.Notifiers;

/// <summary>
/// Generic JSON webhook: POST <see cref="WebhookPayload"/> with headers X-Release-Sdk-Event (the event name) and
/// X-Release-Sdk-Delivery (one id per event, the same on retries, for receivers to drop duplicates). With SecretVariable
/// set, X-Release-Sdk-Signature-256 carries "sha256=" + hex HMAC-SHA256 of the exact body bytes under that secret
/// (GitHub's webhook scheme, so existing verifiers work).
/// </summary>
internal sealed class WebhookNotifier(NotifierOptions options, NotifierSecrets secrets, HttpClient http) : INotifier
{
    public string Name => options.Name;

    public NotifierKind Kind => NotifierKind.Webhook;

    public async Task SendAsync(NotificationEvent notification, CancellationToken cancellationToken)
    {
        var url = secrets.Endpoint(Name, options.Url, options.UrlVariable);
        var body = WebhookPayload.Build(notification).ToJsonString();
        using var request = HttpDelivery.Json(HttpMethod.Post, url, body);
        request.Headers.Add("X-Release-Sdk-Event", notification.Kind.WireName());
        request.Headers.Add("X-Release-Sdk-Delivery", DeliveryId(notification));
        if (options.SecretVariable is { } variable)
        {
            var secret = secrets.Required(Name, variable, "signing secret");
            request.Headers.Add(options.SignatureHeader ?? NotifierDefaults.SignatureHeader, Signature(secret, body));
        }
        await HttpDelivery.SendAsync(http, request, "the webhook", cancellationToken).ConfigureAwait(false);
    }

    public static string Signature(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    /// <summary>Stable for one event (kind, project, version, environment, time), so a retried delivery has the same id.</summary>
    public static string DeliveryId(NotificationEvent e)
    {
        var key = $"{e.Kind.WireName()}|{e.ProjectName}|{e.Version}|{e.Environment}|{e.Timestamp.ToUnixTimeMilliseconds()}";
        return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16)).ToString();
    }
}
