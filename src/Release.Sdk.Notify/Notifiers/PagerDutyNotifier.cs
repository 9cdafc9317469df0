using System.Globalization;
using System.Text.Json.Nodes;
using Release.Sdk.Notify.Configuration;
using Release.Sdk.Notify.Events;
using Release.Sdk.Notify.Sending;

namespace Release.Sdk.Notify.Notifiers;

/// <summary>
/// PagerDuty Events API v2 (POST /v2/enqueue, 202 Accepted). A failure (release-failed, deploy-rolled-back) triggers an
/// alert; the next success for the same version resolves it: both use one dedup_key per project and version (and
/// environment for deploys), so reruns and retries never open a second incident. The routing key (integration key)
/// comes from the variable RoutingKeyVariable names.
/// </summary>
internal sealed class PagerDutyNotifier(NotifierOptions options, NotifierSecrets secrets, HttpClient http) : INotifier
{
    public string Name => options.Name;

    public NotifierKind Kind => NotifierKind.PagerDuty;

    public string? WhyNot(NotificationEvent notification) =>
        notification.Status == NotificationStatus.InProgress ? $"PagerDuty has no action for {notification.Kind.WireName()} (it triggers on failures and resolves on success)" : null;

    public async Task SendAsync(NotificationEvent notification, CancellationToken cancellationToken)
    {
        var routingKey = secrets.Required(Name, options.TokenVariable!, "PagerDuty routing key");
        using var request = HttpDelivery.Json(HttpMethod.Post, options.Url ?? NotifierDefaults.PagerDutyEvents, Event(notification, routingKey));
        await HttpDelivery.SendAsync(http, request, "PagerDuty Events v2", cancellationToken).ConfigureAwait(false);
    }

    public JsonObject Event(NotificationEvent e, string routingKey)
    {
        var dedupKey = DedupKey(e);
        if (e.Status == NotificationStatus.Success)
            return new JsonObject { ["routing_key"] = routingKey, ["event_action"] = "resolve", ["dedup_key"] = dedupKey };

        var details = new JsonObject();
        foreach (var (name, value) in NotificationText.Fields(e)) details[name.ToLowerInvariant().Replace(' ', '_')] = value;
        if (NotificationText.ReasonText(e) is { } reason) details["reason"] = reason;
        var payload = new JsonObject
        {
            ["summary"] = Truncate(NotificationText.Title(e) + (NotificationText.ReasonText(e) is { } r ? $": {r}" : ""), 1024),
            ["source"] = options.Source ?? e.ProjectName ?? "release-sdk",
            ["severity"] = options.Severity ?? "critical",
            ["timestamp"] = e.Timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["component"] = e.ProjectName,
            ["group"] = e.Environment,
            ["class"] = e.Kind.WireName(),
            ["custom_details"] = details,
        };
        var evt = new JsonObject { ["routing_key"] = routingKey, ["event_action"] = "trigger", ["dedup_key"] = dedupKey, ["payload"] = payload };
        var links = new JsonArray();
        foreach (var (name, url) in e.AllLinks()) links.Add(new JsonObject { ["href"] = url, ["text"] = name });
        if (links.Count > 0) evt["links"] = links;
        return evt;
    }

    public static string DedupKey(NotificationEvent e)
    {
        var key = $"release-sdk/{e.ProjectName ?? "project"}/{e.Version ?? "unknown"}";
        return e.Kind.IsDeploy() ? $"{key}/{e.Environment}" : key;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
