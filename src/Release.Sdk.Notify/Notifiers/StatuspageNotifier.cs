using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Sdk.Notify.Configuration;
using Release.Sdk.Notify.Events;
using Release.Sdk.Notify.Sending;

namespace Release.Sdk.Notify.Notifiers;

/// <summary>
/// Atlassian Statuspage REST API v1 (<c>Authorization: OAuth &lt;api key&gt;</c>):
/// <list type="bullet">
/// <item>deploy-started: the component goes "under_maintenance" (PATCH /pages/{page}/components/{component}).</item>
/// <item>release-failed, deploy-rolled-back: an incident is opened (POST /pages/{page}/incidents, status "identified");
/// a rollback also marks the component "degraded_performance".</item>
/// <item>release-succeeded, deploy-completed: the component goes back to "operational" and the incidents this project
/// opened for the environment (found by their "[project/environment]" name prefix among GET /pages/{page}/incidents/unresolved)
/// are resolved.</item>
/// </list>
/// </summary>
internal sealed class StatuspageNotifier(NotifierOptions options, NotifierSecrets secrets, HttpClient http) : INotifier
{
    public string Name => options.Name;

    public NotifierKind Kind => NotifierKind.Statuspage;

    private string Api => (options.Url ?? NotifierDefaults.StatuspageApi).TrimEnd('/');

    private string Page => $"{Api}/pages/{Uri.EscapeDataString(options.PageId!)}";

    public string? WhyNot(NotificationEvent notification) => notification.Kind switch
    {
        NotificationKind.DeployPromoted => "Statuspage has nothing to change for deploy-promoted",
        NotificationKind.DeployStarted when options.ComponentId is null => "no ComponentId to put under maintenance",
        _ => null,
    };

    public static string IncidentPrefix(NotificationEvent e) => $"[{e.ProjectName ?? "release"}/{e.Environment}]";

    public async Task SendAsync(NotificationEvent notification, CancellationToken cancellationToken)
    {
        var key = secrets.Required(Name, options.TokenVariable!, "Statuspage API key");
        switch (notification.Status)
        {
            case NotificationStatus.InProgress:
                await SetComponentAsync("under_maintenance", key, cancellationToken).ConfigureAwait(false);
                break;
            case NotificationStatus.Failure:
                await OpenIncidentAsync(notification, key, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await SetComponentAsync("operational", key, cancellationToken).ConfigureAwait(false);
                await ResolveIncidentsAsync(notification, key, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task SetComponentAsync(string status, string key, CancellationToken cancellationToken)
    {
        if (options.ComponentId is null) return;
        var body = new JsonObject { ["component"] = new JsonObject { ["status"] = status } };
        await SendAsync(HttpMethod.Patch, $"{Page}/components/{Uri.EscapeDataString(options.ComponentId)}", body, key, cancellationToken).ConfigureAwait(false);
    }

    private async Task OpenIncidentAsync(NotificationEvent e, string key, CancellationToken cancellationToken)
    {
        var incident = new JsonObject
        {
            ["name"] = $"{IncidentPrefix(e)} {NotificationText.Title(e)[(NotificationText.Emoji(e).Length + 1)..]}",
            ["status"] = "identified",
            ["body"] = string.Join("\n", NotificationText.Fields(e).Select(f => $"{f.Name}: {f.Value}")
                .Concat(NotificationText.ReasonText(e) is { } reason ? [$"Reason: {reason}"] : [])),
            ["deliver_notifications"] = true,
        };
        if (options.ComponentId is { } component)
        {
            incident["component_ids"] = new JsonArray(component);
            if (e.Kind == NotificationKind.DeployRolledBack) incident["components"] = new JsonObject { [component] = "degraded_performance" };
        }
        await SendAsync(HttpMethod.Post, $"{Page}/incidents", new JsonObject { ["incident"] = incident }, key, cancellationToken).ConfigureAwait(false);
    }

    private async Task ResolveIncidentsAsync(NotificationEvent e, string key, CancellationToken cancellationToken)
    {
        var body = await SendAsync(HttpMethod.Get, $"{Page}/incidents/unresolved", null, key, cancellationToken).ConfigureAwait(false);
        JsonArray incidents;
        try
        {
            incidents = JsonNode.Parse(body) as JsonArray ?? [];
        }
        catch (JsonException)
        {
            throw new NotifierException($"Statuspage listed unresolved incidents in something other than JSON{HttpDelivery.Excerpt(body)}", transient: true);
        }
        var prefix = IncidentPrefix(e);
        foreach (var incident in incidents.OfType<JsonObject>())
        {
            if (incident["name"]?.GetValue<string>() is not { } name || !name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            if (incident["id"]?.GetValue<string>() is not { } id) continue;
            var resolve = new JsonObject
            {
                ["incident"] = new JsonObject { ["status"] = "resolved", ["body"] = $"{NotificationText.VersionText(e)} is out in {e.Environment}." },
            };
            await SendAsync(HttpMethod.Patch, $"{Page}/incidents/{Uri.EscapeDataString(id)}", resolve, key, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> SendAsync(HttpMethod method, string url, JsonObject? body, string key, CancellationToken cancellationToken)
    {
        using var request = body is null ? new HttpRequestMessage(method, url) : HttpDelivery.Json(method, url, body);
        request.Headers.Authorization = new AuthenticationHeaderValue("OAuth", key);
        if (body is null) request.Headers.UserAgent.ParseAdd("Release.Sdk");
        return await HttpDelivery.SendAsync(http, request, $"Statuspage ({method} {url[Api.Length..]})", cancellationToken).ConfigureAwait(false);
    }
}
