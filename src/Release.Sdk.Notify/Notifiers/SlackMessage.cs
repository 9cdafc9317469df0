using System.Text.Json.Nodes;
using Release.Sdk.Notify.Events;

namespace Release.Sdk.Notify.Notifiers;

/// <summary>
/// The seed's Slack message: fallback <c>text</c> and one attachment coloured good/danger with the title
/// "✅ Release 1.2.0 - Production", short fields Version/Environment/Status/Duration, the failure reason, a footer and
/// <c>ts</c>. The same body serves incoming webhooks and chat.postMessage (which adds <c>channel</c>).
/// </summary>
internal static class SlackMessage
{
    public static JsonObject Build(NotificationEvent e, string? channel)
    {
        var fields = new JsonArray();
        foreach (var (name, value) in NotificationText.Fields(e))
            fields.Add(new JsonObject { ["title"] = name, ["value"] = value, ["short"] = name is not ("Failed step" or "Code") });

        var attachment = new JsonObject
        {
            ["color"] = e.Status switch { NotificationStatus.Success => "good", NotificationStatus.Failure => "danger", _ => "#439FE0" },
            ["fallback"] = NotificationText.Title(e),
            ["title"] = NotificationText.Title(e),
            ["fields"] = fields,
            ["footer"] = $"{e.ProjectName ?? "Release.Sdk"} Release System",
            ["ts"] = e.Timestamp.ToUnixTimeSeconds(),
        };
        if (e.ReleaseUrl is { Length: > 0 } url) attachment["title_link"] = url;
        if (NotificationText.ReasonText(e) is { } reason) attachment["text"] = reason;
        var links = e.AllLinks().Where(l => l.Key != "release").Select(l => $"<{l.Value}|{l.Key}>").ToList();
        if (links.Count > 0) attachment["text"] = string.Join("\n", new[] { attachment["text"]?.GetValue<string>() }.OfType<string>().Concat([string.Join(" · ", links)]));

        var message = new JsonObject();
        if (channel is not null) message["channel"] = channel;
        message["text"] = NotificationText.Title(e);
        message["attachments"] = new JsonArray(attachment);
        return message;
    }
}
