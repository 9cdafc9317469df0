using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Sdk.Notify.Configuration;
using Release.Sdk.Notify.Events;
using Release.Sdk.Notify.Sending;

namespace Release.Sdk.Notify.Notifiers;

/// <summary>
/// Slack Web API chat.postMessage with a bot token, to the environment's channel as in the seed (development →
/// #dev-releases…, else Channel). Slack answers HTTP 200 even when it refuses, so the JSON <c>ok</c> field decides;
/// <c>error</c> says why ("channel_not_found", "not_in_channel", "invalid_auth").
/// </summary>
internal sealed class SlackChatNotifier(NotifierOptions options, NotifierSecrets secrets, HttpClient http) : INotifier
{
    // Slack's documented errors that mean "try again later" rather than "fix your configuration".
    private static readonly HashSet<string> TransientErrors = new(["ratelimited", "service_unavailable", "internal_error", "fatal_error", "request_timeout"], StringComparer.Ordinal);

    public string Name => options.Name;

    public NotifierKind Kind => NotifierKind.Slack;

    public string? WhyNot(NotificationEvent notification) =>
        ChannelFor(notification.Environment) is null ? $"no channel for environment '{notification.Environment}' (set Channel or {NotificationText.EnvironmentTitle(notification.Environment)}Channel)" : null;

    public string? ChannelFor(string environment) => options.Channels.TryGetValue(environment, out var channel) ? channel : options.Channel;

    public async Task SendAsync(NotificationEvent notification, CancellationToken cancellationToken)
    {
        var token = secrets.Required(Name, options.TokenVariable!, "Slack bot token");
        var url = options.Url ?? NotifierDefaults.SlackApi;
        using var request = HttpDelivery.Json(HttpMethod.Post, url, SlackMessage.Build(notification, ChannelFor(notification.Environment)));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var body = await HttpDelivery.SendAsync(http, request, "Slack chat.postMessage", cancellationToken).ConfigureAwait(false);

        JsonNode? answer;
        try
        {
            answer = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            throw new NotifierException($"Slack chat.postMessage answered something other than JSON{HttpDelivery.Excerpt(body)}", transient: true);
        }
        if (answer?["ok"] is JsonValue ok && ok.GetValueKind() == JsonValueKind.True) return;
        var error = answer?["error"]?.GetValue<string>() ?? "no \"ok\": true in the answer";
        throw new NotifierException($"Slack chat.postMessage refused the message: {error}{Hint(error)}", TransientErrors.Contains(error));
    }

    private string Hint(string error) => error switch
    {
        "channel_not_found" or "not_in_channel" => "; invite the bot to the channel, or check the channel name",
        "invalid_auth" or "not_authed" or "token_revoked" or "account_inactive" => $"; check the token in {options.TokenVariable}",
        "missing_scope" => "; the bot token needs the chat:write scope",
        _ => "",
    };
}
