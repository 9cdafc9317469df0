using System.Text.Json.Nodes;
using Release.Sdk.Notify.Events;

namespace Release.Sdk.Notify.Notifiers;

/// <summary>
/// The generic webhook's documented body (docs/notifications.md, "Generic webhook payload"), schema
/// "release-sdk.notification/v1": every field of the event, absent values as null so receivers can rely on the keys.
/// </summary>
internal static class WebhookPayload
{
    public const string Schema = "release-sdk.notification/v1";

    public static JsonObject Build(NotificationEvent e)
    {
        var links = new JsonObject();
        foreach (var (name, url) in e.AllLinks()) links[name] = url;
        return new JsonObject
        {
            ["schema"] = Schema,
            ["event"] = e.Kind.WireName(),
            ["status"] = e.Status.WireName(),
            ["project"] = e.ProjectName,
            ["version"] = e.Version,
            ["tag"] = e.Tag,
            ["environment"] = e.Environment,
            ["channel"] = e.Channel,
            ["durationSeconds"] = e.Duration is { } d ? Math.Round(d.TotalSeconds, 3) : null,
            ["reason"] = e.Reason is { } r
                ? new JsonObject
                {
                    ["message"] = r.Message,
                    ["code"] = r.Code,
                    ["step"] = r.Step,
                    ["metric"] = r.Metric,
                    ["value"] = r.Value,
                    ["threshold"] = r.Threshold,
                }
                : null,
            ["links"] = links,
            ["title"] = NotificationText.Title(e),
            ["timestamp"] = e.Timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
