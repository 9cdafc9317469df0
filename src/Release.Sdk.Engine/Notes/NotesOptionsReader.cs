using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Engine.Notes;

/// <summary>
/// release-notes-generator's options from a semantic-release configuration: top-level keys, overridden key by key by
/// the <c>@semantic-release/release-notes-generator</c> plugins entry (semantic-release passes global options to
/// every plugin). Options that would change the notes in ways Release.Sdk does not reproduce are refused with a
/// coded error instead of being ignored.
/// </summary>
internal static class NotesOptionsReader
{
    public const string PluginName = "@semantic-release/release-notes-generator";

    private static readonly string[] Keys = ["preset", "config", "parserOpts", "writerOpts", "presetConfig", "linkCompare", "linkReferences", "host", "commit", "issue"];
    private static readonly string[] ParserKeys = ["noteKeywords", "issuePrefixes", "referenceActions", "issuePrefixesCaseSensitive"];
    private static readonly string[] WriterKeys = ["commitsSort"];

    /// <summary>
    /// Whether semantic-release would generate notes at all: its default plugins include the notes generator, but a
    /// <c>plugins</c> list without it releases with empty notes.
    /// </summary>
    public static bool GeneratesNotes(JsonObject? document, string source = ".releaserc.json") =>
        document?["plugins"] is not { } plugins || PluginsParser.OptionsOf(plugins, PluginName, new ConfigErrors(source)) is not null;

    /// <param name="document">The configuration file (null when there is none).</param>
    /// <param name="fallbackPreset">The preset when the notes generator has none configured: the analyzer's.</param>
    /// <param name="source">The file name, for messages.</param>
    public static NotesOptions Read(JsonObject? document, Preset fallbackPreset, string source = ".releaserc.json")
    {
        var options = new NotesOptions { Preset = fallbackPreset };
        if (document is null) return options;
        var errors = new ConfigErrors(source);
        var effective = new Dictionary<string, (JsonNode? Node, string Key)>(StringComparer.Ordinal);
        foreach (var key in Keys)
        {
            if (document.ContainsKey(key)) effective[key] = (document[key], key);
        }

        if (PluginsParser.OptionsOf(document["plugins"], PluginName, errors) is { } plugin)
        {
            foreach (var (key, value) in plugin.Options)
            {
                if (Keys.Contains(key)) effective[key] = (value, $"{plugin.Key}.{key}");
            }
        }

        foreach (var (key, (node, path)) in effective)
        {
            if (node is null) continue;
            options = key switch
            {
                "preset" => options with { Preset = PresetNames.Parse(String(node, path, errors), $"{source}: '{path}'"), PresetNamed = true },
                "config" => throw errors.Fail(DiagnosticCatalog.InvalidConfigFile, path, "names a custom conventional-changelog preset package, which Release.Sdk cannot load", "Use \"preset\": \"conventionalcommits\" (with presetConfig) or \"angular\" instead."),
                "parserOpts" => Parser(options, Object(node, path, errors), path, errors),
                "writerOpts" => Writer(options, Object(node, path, errors), path, errors),
                "presetConfig" => PresetConfig(options, Object(node, path, errors), path, errors),
                "linkCompare" => options with { LinkCompare = JsTruthy(node) },
                "linkReferences" => node.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? options with { LinkReferences = node.GetValue<bool>() } : options,
                "host" => options with { Host = String(node, path, errors) },
                "commit" => options with { CommitPath = String(node, path, errors) },
                "issue" => options with { IssuePath = String(node, path, errors) },
                _ => options,
            };
        }

        return options;
    }

    private static NotesOptions Parser(NotesOptions options, JsonObject parser, string path, ConfigErrors errors)
    {
        foreach (var (key, node) in parser)
        {
            if (!ParserKeys.Contains(key))
            {
                throw errors.Fail(DiagnosticCatalog.InvalidConfigFile, $"{path}.{key}",
                    "is a parser option Release.Sdk does not reproduce for release notes (supported: noteKeywords, issuePrefixes, referenceActions, issuePrefixesCaseSensitive)",
                    "Remove it, or keep to the preset's parser options.");
            }

            if (node is null) continue;
            options = key switch
            {
                "noteKeywords" => options with { NoteKeywords = Strings(node, $"{path}.{key}", errors) },
                "issuePrefixes" => options with { ParserIssuePrefixes = Strings(node, $"{path}.{key}", errors) },
                "referenceActions" => options with { ReferenceActions = Strings(node, $"{path}.{key}", errors) },
                _ => options with { IssuePrefixesCaseSensitive = JsTruthy(node) },
            };
        }

        return options;
    }

    private static NotesOptions Writer(NotesOptions options, JsonObject writer, string path, ConfigErrors errors)
    {
        foreach (var (key, node) in writer)
        {
            if (!WriterKeys.Contains(key))
            {
                throw errors.Fail(DiagnosticCatalog.InvalidConfigFile, $"{path}.{key}",
                    "is a conventional-changelog-writer option Release.Sdk does not reproduce (supported: commitsSort)",
                    "Remove it; use presetConfig.types for section titles and hidden types.");
            }

            if (node is null) continue;
            var sort = node.GetValueKind() == JsonValueKind.String ? [node.GetValue<string>()] : Strings(node, $"{path}.{key}", errors);
            options = options with { CommitsSort = sort };
        }

        return options;
    }

    private static NotesOptions PresetConfig(NotesOptions options, JsonObject config, string path, ConfigErrors errors)
    {
        // Other presetConfig keys (preMajor, bumpStrict, header, releaseCommitMessageFormat, …) do not change the notes.
        foreach (var (key, node) in config)
        {
            if (node is null) continue;
            var at = $"{path}.{key}";
            options = key switch
            {
                "types" => options with { Types = Types(node, at, errors) },
                "issuePrefixes" => options with { IssuePrefixes = Strings(node, at, errors) },
                "commitUrlFormat" => options with { CommitUrlFormat = String(node, at, errors) },
                "compareUrlFormat" => options with { CompareUrlFormat = String(node, at, errors) },
                "issueUrlFormat" => options with { IssueUrlFormat = String(node, at, errors) },
                "userUrlFormat" => options with { UserUrlFormat = String(node, at, errors) },
                "ignoreCommits" => options with { IgnoreCommits = String(node, at, errors) },
                "scope" => options with { Scope = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() is { Length: > 0 } one ? [one] : null : Strings(node, at, errors) },
                "scopeOnly" => options with { ScopeOnly = JsTruthy(node) },
                _ => options,
            };
        }

        return options;
    }

    private static IReadOnlyList<NotesType> Types(JsonNode node, string path, ConfigErrors errors)
    {
        if (node is not JsonArray array)
            throw errors.Fail(DiagnosticCatalog.InvalidConfigFile, path, $"must be an array (got {ConfigErrors.Show(node)})", "Write it like [{\"type\": \"feat\", \"section\": \"Features\"}, {\"type\": \"chore\", \"hidden\": true}].");
        var types = new List<NotesType>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject entry || entry["type"] is not JsonValue type || type.GetValueKind() != JsonValueKind.String)
                throw errors.Fail(DiagnosticCatalog.InvalidConfigFile, $"{path}[{i}]", $"must be an object with a string \"type\" (got {ConfigErrors.Show(array[i])})", "Write it like {\"type\": \"feat\", \"section\": \"Features\"}.");
            types.Add(new NotesType(
                type.GetValue<string>(),
                entry["section"] is { } section ? String(section, $"{path}[{i}].section", errors) : null,
                entry["hidden"] is { } hidden && JsTruthy(hidden),
                entry["scope"] is { } scope ? String(scope, $"{path}[{i}].scope", errors) : null));
        }

        return types;
    }

    private static JsonObject Object(JsonNode node, string path, ConfigErrors errors) =>
        node as JsonObject ?? throw errors.Fail(DiagnosticCatalog.InvalidConfigFile, path, $"must be an object (got {ConfigErrors.Show(node)})", "Write it as a JSON object.");

    private static string String(JsonNode node, string path, ConfigErrors errors) =>
        node.GetValueKind() == JsonValueKind.String
            ? node.GetValue<string>()
            : throw errors.Fail(DiagnosticCatalog.InvalidConfigFile, path, $"must be a string (got {ConfigErrors.Show(node)})", "Write it as a JSON string.");

    private static IReadOnlyList<string> Strings(JsonNode node, string path, ConfigErrors errors) =>
        node is JsonArray array && array.All(e => e?.GetValueKind() == JsonValueKind.String)
            ? array.Select(e => e!.GetValue<string>()).ToArray()
            : throw errors.Fail(DiagnosticCatalog.InvalidConfigFile, path, $"must be an array of strings (got {ConfigErrors.Show(node)})", "Write it like [\"#\"].");

    /// <summary>JavaScript truthiness of a JSON value.</summary>
    private static bool JsTruthy(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.True or JsonValueKind.Object or JsonValueKind.Array => true,
        JsonValueKind.String => node.GetValue<string>().Length > 0,
        JsonValueKind.Number => node.GetValue<double>() is not 0 and not double.NaN,
        _ => false,
    };
}
