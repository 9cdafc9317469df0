using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Sdk.Notify.Events;

namespace Release.Sdk.Notify.Configuration;

/// <summary>
/// Reads one notifier entry. MSBuild items arrive as strings (lists separated by ';' or ','; per-environment channels as
/// <c>DevelopmentChannel</c>-style metadata, camel-cased by the settings writer); .releaserc.json entries may use JSON
/// arrays, numbers and a <c>channels</c> object. Unknown keys are errors: a typo must not silently drop a notification.
/// </summary>
internal static class NotifierEntryParser
{
    private static readonly HashSet<string> Keys = new(
    [
        "name", "kind", "url", "urlVariable", "tokenVariable", "routingKeyVariable", "apiKeyVariable", "secretVariable",
        "channel", "channels", "events", "environments", "timeout", "retries", "format", "signatureHeader",
        "host", "port", "security", "usernameVariable", "passwordVariable", "from", "to", "severity", "source", "pageId", "componentId",
    ], StringComparer.OrdinalIgnoreCase);

    // Written by the settings writer for every item: the item's Include and its path; not notifier options.
    private static readonly HashSet<string> MsBuildKeys = new(["spec", "path"], StringComparer.OrdinalIgnoreCase);

    private static readonly string[] SecurityModes = ["auto", "none", "starttls", "ssl"];
    private static readonly string[] TeamsFormats = ["adaptive", "messagecard"];
    private static readonly string[] Severities = ["critical", "error", "warning", "info"];

    public static NotifierOptions Parse(JsonObject entry, string origin, bool fromMsBuild)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        var channels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var name = fromMsBuild ? Text(entry["spec"]) : Text(entry.FirstOrDefault(p => Is(p.Key, "name")).Value) ?? Text(entry.FirstOrDefault(p => Is(p.Key, "kind")).Value);
        if (string.IsNullOrWhiteSpace(name)) throw NotifyErrors.Invalid(origin, "has a notifier without a name; give it \"name\" (a ReleaseNotifier item's Include).");
        name = name.Trim();

        foreach (var (key, node) in entry)
        {
            if (fromMsBuild && MsBuildKeys.Contains(key)) continue;
            if (key.Length > "Channel".Length && key.EndsWith("Channel", StringComparison.OrdinalIgnoreCase))
            {
                // DevelopmentChannel="#dev-releases" → channels["development"]
                if (Text(node) is { } perEnvironment) channels[key[..^"Channel".Length].ToLowerInvariant()] = perEnvironment;
                continue;
            }
            if (!Keys.Contains(key))
                throw NotifyErrors.InvalidEntry(origin, name, $"unknown key \"{key}\". Known keys: {string.Join(", ", Keys)}, and <environment>Channel (see docs/notifications.md).");
            values[key] = node;
        }

        var reader = new EntryReader(values, origin, name);
        foreach (var (environment, channel) in reader.Map("channels")) channels[environment.ToLowerInvariant()] = channel;
        var kind = reader.Kind();
        var options = new NotifierOptions
        {
            Name = name,
            Kind = kind,
            Url = reader.Url("url"),
            UrlVariable = reader.Text("urlVariable"),
            TokenVariable = reader.Text("tokenVariable") ?? reader.Text("routingKeyVariable") ?? reader.Text("apiKeyVariable"),
            SecretVariable = reader.Text("secretVariable"),
            Channel = reader.Text("channel"),
            Channels = channels,
            Events = reader.Events(),
            Environments = reader.List("environments") is { Count: > 0 } environments ? environments.Select(e => e.ToLowerInvariant()).ToHashSet(StringComparer.OrdinalIgnoreCase) : null,
            Timeout = reader.Number("timeout", 0.1, 300) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Retries = reader.Number("retries", 0, 10) is { } retries ? (int)retries : null,
            Format = reader.OneOf("format", TeamsFormats),
            SignatureHeader = reader.Text("signatureHeader"),
            Host = reader.Text("host"),
            Port = reader.Number("port", 1, 65535) is { } port ? (int)port : null,
            Security = reader.OneOf("security", SecurityModes),
            UsernameVariable = reader.Text("usernameVariable"),
            PasswordVariable = reader.Text("passwordVariable"),
            From = reader.Text("from"),
            To = reader.List("to"),
            Severity = reader.OneOf("severity", Severities),
            Source = reader.Text("source"),
            PageId = reader.Text("pageId"),
            ComponentId = reader.Text("componentId"),
        };
        NotifierValidation.Validate(options, origin);
        return options;
    }

    private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Trim() is { Length: > 0 } t ? t : null,
        JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
        _ => null,
    };

    /// <summary>Typed access to one entry's values, with coded errors that name the notifier and the key.</summary>
    private sealed class EntryReader(Dictionary<string, JsonNode?> values, string origin, string name)
    {
        public string? Text(string key)
        {
            if (!values.TryGetValue(key, out var node) || node is null) return null;
            if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String) return v.GetValue<string>().Trim() is { Length: > 0 } t ? t : null;
            throw Error($"\"{key}\" must be a string.");
        }

        public NotifierKind Kind()
        {
            var text = Text("kind") ?? throw Error("has no kind; set Kind to slack, teams, webhook, email, pagerduty or statuspage.");
            return text.ToLowerInvariant() switch
            {
                "slack" => NotifierKind.Slack,
                "teams" => NotifierKind.Teams,
                "webhook" => NotifierKind.Webhook,
                "email" or "smtp" => NotifierKind.Email,
                "pagerduty" => NotifierKind.PagerDuty,
                "statuspage" => NotifierKind.Statuspage,
                _ => throw Error($"kind \"{text}\" is unknown; use slack, teams, webhook, email, pagerduty or statuspage."),
            };
        }

        public string? Url(string key)
        {
            var text = Text(key);
            if (text is null) return null;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                throw Error($"\"{key}\" must be an absolute http(s) address.");
            return text;
        }

        public string? OneOf(string key, string[] allowed)
        {
            var text = Text(key)?.ToLowerInvariant();
            if (text is not null && !allowed.Contains(text)) throw Error($"\"{key}\" is \"{text}\"; use one of {string.Join(", ", allowed)}.");
            return text;
        }

        public double? Number(string key, double min, double max)
        {
            if (!values.TryGetValue(key, out var node) || node is null) return null;
            double number;
            if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number) number = v.GetValue<double>();
            else if (node is JsonValue s && s.GetValueKind() == JsonValueKind.String && double.TryParse(s.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)) number = parsed;
            else if (node is JsonValue e && e.GetValueKind() == JsonValueKind.String && e.GetValue<string>().Trim().Length == 0) return null;
            else throw Error($"\"{key}\" must be a number.");
            if (number < min || number > max) throw Error($"\"{key}\" is {number.ToString(CultureInfo.InvariantCulture)}; it must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}.");
            return number;
        }

        /// <summary>A JSON array of strings, or one string separated by ';' or ',' (MSBuild metadata).</summary>
        public IReadOnlyList<string> List(string key)
        {
            if (!values.TryGetValue(key, out var node) || node is null) return [];
            if (node is JsonArray array)
            {
                return array.Select(item => item is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>().Trim() : throw Error($"\"{key}\" must list strings."))
                    .Where(s => s.Length > 0).ToList();
            }
            return (Text(key) ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        public IReadOnlyDictionary<string, string> Map(string key)
        {
            if (!values.TryGetValue(key, out var node) || node is null) return new Dictionary<string, string>();
            if (node is JsonObject obj)
            {
                return obj.ToDictionary(p => p.Key, p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String
                    ? v.GetValue<string>().Trim()
                    : throw Error($"\"{key}\" must map environment names to channel names."));
            }
            // MSBuild: Channels="development=#dev-releases;production=#production-releases"
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in List(key))
            {
                var at = pair.IndexOf('=', StringComparison.Ordinal);
                if (at <= 0 || at == pair.Length - 1) throw Error($"\"{key}\" entry \"{pair}\" must read environment=channel.");
                map[pair[..at].Trim()] = pair[(at + 1)..].Trim();
            }
            return map;
        }

        public IReadOnlySet<NotificationKind>? Events()
        {
            var names = List("events");
            if (names.Count == 0) return null;
            var kinds = new HashSet<NotificationKind>();
            foreach (var n in names)
            {
                kinds.Add(NotificationKinds.Parse(n) ?? throw Error(
                    $"event \"{n}\" is unknown; use {string.Join(", ", NotificationKinds.All.Select(k => k.WireName()))}."));
            }
            return kinds;
        }

        private Engine.Diagnostics.ReleaseException Error(string problem) => NotifyErrors.InvalidEntry(origin, name, problem);
    }
}
