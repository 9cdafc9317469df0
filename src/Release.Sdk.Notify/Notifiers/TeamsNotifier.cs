using System.Text.Json.Nodes;
using Release.Sdk.Notify.Configuration;
using Release.Sdk.Notify.Events;
using Release.Sdk.Notify.Sending;

namespace Release.Sdk.Notify.Notifiers;

/// <summary>
/// Microsoft Teams incoming webhook. Format "adaptive" (default): a message with one Adaptive Card attachment, what
/// Workflows (Power Automate) webhooks take; "messagecard": the legacy MessageCard of Office 365 connectors. Any 2xx is
/// success (connectors answer 200 "1", Workflows 202).
/// </summary>
internal sealed class TeamsNotifier(NotifierOptions options, NotifierSecrets secrets, HttpClient http) : INotifier
{
    public string Name => options.Name;

    public NotifierKind Kind => NotifierKind.Teams;

    public async Task SendAsync(NotificationEvent notification, CancellationToken cancellationToken)
    {
        var url = secrets.Endpoint(Name, options.Url, options.UrlVariable);
        var body = options.Format == "messagecard" ? MessageCard(notification) : AdaptiveCard(notification);
        using var request = HttpDelivery.Json(HttpMethod.Post, url, body);
        await HttpDelivery.SendAsync(http, request, "the Teams webhook", cancellationToken).ConfigureAwait(false);
    }

    private static string Colour(NotificationEvent e) => e.Status switch
    {
        NotificationStatus.Success => "2EB886",
        NotificationStatus.Failure => "A30200",
        _ => "439FE0",
    };

    public static JsonObject MessageCard(NotificationEvent e)
    {
        var facts = new JsonArray();
        foreach (var (name, value) in NotificationText.Fields(e)) facts.Add(new JsonObject { ["name"] = name, ["value"] = value });
        var section = new JsonObject { ["activityTitle"] = NotificationText.Title(e), ["facts"] = facts };
        if (NotificationText.ReasonText(e) is { } reason) section["text"] = reason;
        var card = new JsonObject
        {
            ["@type"] = "MessageCard",
            ["@context"] = "https://schema.org/extensions",
            ["themeColor"] = Colour(e),
            ["summary"] = NotificationText.Title(e),
            ["title"] = NotificationText.Title(e),
            ["sections"] = new JsonArray(section),
        };
        var actions = new JsonArray();
        foreach (var (name, url) in e.AllLinks())
        {
            actions.Add(new JsonObject
            {
                ["@type"] = "OpenUri",
                ["name"] = name == "release" ? "View release" : name,
                ["targets"] = new JsonArray(new JsonObject { ["os"] = "default", ["uri"] = url }),
            });
        }
        if (actions.Count > 0) card["potentialAction"] = actions;
        return card;
    }

    public static JsonObject AdaptiveCard(NotificationEvent e)
    {
        var facts = new JsonArray();
        foreach (var (name, value) in NotificationText.Fields(e)) facts.Add(new JsonObject { ["title"] = name, ["value"] = value });
        var body = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock", ["text"] = NotificationText.Title(e), ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true,
                ["color"] = e.Status switch { NotificationStatus.Success => "Good", NotificationStatus.Failure => "Attention", _ => "Accent" },
            },
            new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
        };
        if (NotificationText.ReasonText(e) is { } reason) body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = reason, ["wrap"] = true });
        var content = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
        };
        var actions = new JsonArray();
        foreach (var (name, url) in e.AllLinks())
            actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = name == "release" ? "View release" : name, ["url"] = url });
        if (actions.Count > 0) content["actions"] = actions;
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.card.adaptive",
                ["contentUrl"] = null,
                ["content"] = content,
            }),
        };
    }
}
