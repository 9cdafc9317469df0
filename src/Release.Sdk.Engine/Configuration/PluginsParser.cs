using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Engine.Configuration;

/// <summary>semantic-release's <c>plugins</c>: an array whose entries are a module name or <c>[name, options]</c>.</summary>
internal static class PluginsParser
{
    private const string Fix = "Each plugins entry is a module name like \"@semantic-release/git\" or [\"@semantic-release/commit-analyzer\", { \"preset\": \"conventionalcommits\" }].";

    /// <summary>The options object given to <paramref name="plugin"/> (empty when listed by name only), or null when it is not listed.</summary>
    public static (JsonObject Options, string Key)? OptionsOf(JsonNode? plugins, string plugin, ConfigErrors errors)
    {
        if (plugins is null) return null;
        if (plugins is not JsonArray array) throw errors.Fail(DiagnosticCatalog.InvalidConfigFile, "plugins", $"must be an array (got {ConfigErrors.Show(plugins)})", Fix);
        (JsonObject, string)? found = null;
        for (var i = 0; i < array.Count; i++)
        {
            var (name, options) = Entry(array[i], $"plugins[{i}]", errors);
            // semantic-release would run a plugin listed twice twice; for the analyzer the last options win.
            if (name == plugin) found = (options ?? [], $"plugins[{i}][1]");
        }
        return found;
    }

    private static (string Name, JsonObject? Options) Entry(JsonNode? entry, string key, ConfigErrors errors)
    {
        if (entry is JsonValue v && v.GetValueKind() == JsonValueKind.String) return (v.GetValue<string>(), null);
        if (entry is JsonArray { Count: >= 1 } pair && pair[0] is JsonValue n && n.GetValueKind() == JsonValueKind.String)
        {
            if (pair.Count == 1) return (n.GetValue<string>(), null);
            if (pair.Count == 2 && pair[1] is JsonObject options) return (n.GetValue<string>(), options);
        }
        throw errors.Fail(DiagnosticCatalog.InvalidConfigFile, key, $"is {ConfigErrors.Show(entry)}", Fix);
    }
}
