using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Publish.GitHub;

/// <summary>
/// Reads one option from the two places a user can set it: the MSBuild section of the settings file
/// (<c>plugins.github</c>, string values written from properties) and the <c>@semantic-release/github</c> entry of
/// .releaserc.json (typed JSON, semantic-release's names). An MSBuild property wins: it is the more specific place.
/// </summary>
internal sealed class GitHubSettingsReader(JsonObject? settings, JsonObject? config)
{
    public JsonObject? Settings { get; } = settings;

    /// <summary>The options object of the @semantic-release/github plugin entry, or null.</summary>
    public JsonObject? PluginConfig { get; } = FindPluginConfig(config, out _);

    /// <summary>True when .releaserc.json names @semantic-release/github in its plugins list.</summary>
    public bool ListedInConfig { get; } = FindPluginConfig(config, out var listed) is not null || listed;

    /// <summary>True when .releaserc.json has a plugins list that leaves @semantic-release/github out (semantic-release then does not use it).</summary>
    public bool ExcludedByConfig { get; } = config?["plugins"] is JsonArray && !(FindPluginConfig(config, out var l) is not null || l);

    public const string PluginName = "@semantic-release/github";

    public string? String(string settingKey, string? configKey = null)
    {
        if (Settings?[settingKey] is JsonValue s && s.GetValueKind() == JsonValueKind.String && s.GetValue<string>().Length > 0) return s.GetValue<string>();
        if (configKey is null || PluginConfig?[configKey] is not { } node) return null;
        return node.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.Null => null,
            _ => throw Invalid(configKey, node.ToJsonString(), "a string"),
        };
    }

    /// <summary>A template option that may also be <c>false</c> (disabled): returns (disabled, template-or-null).</summary>
    public (bool Disabled, string? Template) Template(string settingKey, string configKey)
    {
        var setting = Settings?[settingKey] is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : null;
        if (!string.IsNullOrEmpty(setting)) return string.Equals(setting, "false", StringComparison.OrdinalIgnoreCase) ? (true, null) : (false, setting);
        return PluginConfig?[configKey] switch
        {
            null => (false, null),
            var n when n.GetValueKind() == JsonValueKind.False => (true, null),
            var n when n.GetValueKind() == JsonValueKind.String => (false, n.GetValue<string>()),
            var n => throw Invalid(configKey, n.ToJsonString(), "a template string or false"),
        };
    }

    public bool? Bool(string settingKey, string? configKey = null)
    {
        if (Settings?[settingKey] is JsonValue s && s.GetValueKind() == JsonValueKind.String)
        {
            var text = s.GetValue<string>().Trim();
            if (bool.TryParse(text, out var value)) return value;
            throw Invalid(settingKey, text, "true or false");
        }
        if (configKey is null || PluginConfig?[configKey] is not { } node) return null;
        return node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Invalid(configKey, node.ToJsonString(), "true or false"),
        };
    }

    public double Number(string settingKey, double fallback, double min, double max)
    {
        if (Settings?[settingKey] is not JsonValue s || s.GetValueKind() != JsonValueKind.String) return fallback;
        var text = s.GetValue<string>().Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw Invalid(settingKey, text, $"a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        return value;
    }

    /// <summary>A list option: a semicolon list in MSBuild, a string array (or <c>false</c> = none) in .releaserc. Null when unset.</summary>
    public IReadOnlyList<string>? List(string settingKey, string configKey)
    {
        if (Settings?[settingKey] is JsonValue s && s.GetValueKind() == JsonValueKind.String)
        {
            var text = s.GetValue<string>();
            return string.Equals(text.Trim(), "false", StringComparison.OrdinalIgnoreCase)
                ? []
                : text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        return PluginConfig?[configKey] switch
        {
            null => null,
            var n when n.GetValueKind() == JsonValueKind.False => [],
            var n when n.GetValueKind() == JsonValueKind.String => [n.GetValue<string>()],
            JsonArray a when a.All(e => e?.GetValueKind() == JsonValueKind.String) => a.Select(e => e!.GetValue<string>()).ToList(),
            var n => throw Invalid(configKey, n.ToJsonString(), "a string, a list of strings or false"),
        };
    }

    public static ReleaseException Invalid(string key, string value, string expected) => new(
        DiagnosticCatalog.GitHubSettingInvalid,
        $"The GitHub release setting '{key}' is {value}; it must be {expected}. Fix the MSBuild property (see docs/github.md for the " +
        $"ReleaseGitHub… property behind '{key}') or the '{key}' option of {PluginName} in .releaserc.json.");

    private static JsonObject? FindPluginConfig(JsonObject? config, out bool listed)
    {
        listed = false;
        if (config?["plugins"] is not JsonArray plugins) return null;
        foreach (var entry in plugins)
        {
            switch (entry)
            {
                case JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == PluginName:
                    listed = true;
                    break;
                case JsonArray { Count: >= 1 } pair when pair[0] is JsonValue name && name.GetValueKind() == JsonValueKind.String && name.GetValue<string>() == PluginName:
                    listed = true;
                    if (pair.Count > 1 && pair[1] is JsonObject options) return options;
                    break;
            }
        }
        return null;
    }
}
