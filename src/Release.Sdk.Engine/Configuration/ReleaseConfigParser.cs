using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Configuration;

/// <summary>
/// A semantic-release configuration (JSON, comments and trailing commas allowed) to <see cref="ReleaseConfig"/>.
/// Read: <c>branches</c>, <c>tagFormat</c>, and commit-analyzer's <c>preset</c>, <c>releaseRules</c>,
/// <c>parserOpts.noteKeywords</c> — top-level, or in the <c>plugins</c> entry of @semantic-release/commit-analyzer,
/// whose options win key by key as semantic-release merges them (<c>{...options, ...pluginConfig}</c>). Everything
/// else (other plugins, unknown keys) is kept in <see cref="ReleaseConfig.Document"/> for later features.
/// </summary>
internal static class ReleaseConfigParser
{
    public const string CommitAnalyzer = "@semantic-release/commit-analyzer";

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The parser options Release.Sdk reproduces; any other would change parsing silently.</summary>
    private static readonly string[] SupportedParserOptions = ["noteKeywords"];

    public static JsonObject ParseDocument(string json, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: Options);
        }
        catch (JsonException e)
        {
            throw new ReleaseException(DiagnosticCatalog.InvalidConfigFile,
                $"{source}: not valid JSON ({e.Message}). Release.Sdk reads .releaserc and .releaserc.json as JSON (comments and trailing commas allowed); fix the syntax or convert a YAML .releaserc to JSON.", e);
        }
        return root as JsonObject ?? throw new ReleaseException(DiagnosticCatalog.InvalidConfigFile,
            $"{source}: the configuration must be a JSON object like {{\"branches\": [\"main\"]}}, not {ConfigErrors.Show(root)}.");
    }

    public static ReleaseConfig Parse(string json, string source) => FromDocument(ParseDocument(json, source), source);

    public static ReleaseConfig FromDocument(JsonObject document, string source)
    {
        var errors = new ConfigErrors(source);
        var analyzerOptions = AnalyzerOptionsOf(document, errors);
        var config = new ReleaseConfig { Document = document, SourceFile = source };

        if (document["branches"] is { } branches) config = config with { Branches = BranchesParser.Parse(branches, errors) };
        if (document["tagFormat"] is { } tagFormat)
        {
            if (tagFormat.GetValueKind() != JsonValueKind.String)
                throw errors.Fail(DiagnosticCatalog.InvalidTagFormat, "tagFormat", $"must be a string like \"v${{version}}\" (got {ConfigErrors.Show(tagFormat)})", "Fix tagFormat in the file.");
            config = config with { TagFormat = TagFormat.Parse(tagFormat.GetValue<string>(), $"tagFormat in {source}").Template };
        }

        return config with
        {
            Analyzer = new AnalyzerOptions(
                analyzerOptions.TryGetValue("preset", out var preset) ? PresetOf(preset, errors) : Preset.ConventionalCommits,
                analyzerOptions.TryGetValue("releaseRules", out var rules) ? ReleaseRulesParser.Parse(rules.Node, rules.Key, errors) : null,
                analyzerOptions.TryGetValue("parserOpts", out var parserOpts) ? NoteKeywords(parserOpts.Node, parserOpts.Key, errors) : null),
        };
    }

    /// <summary>commit-analyzer's effective options: top-level keys, overridden key by key by its plugins entry.</summary>
    private static Dictionary<string, (JsonNode? Node, string Key)> AnalyzerOptionsOf(JsonObject document, ConfigErrors errors)
    {
        var options = new Dictionary<string, (JsonNode? Node, string Key)>(StringComparer.Ordinal);
        foreach (var name in new[] { "preset", "releaseRules", "parserOpts" })
        {
            if (document.ContainsKey(name) && document[name] is not null) options[name] = (document[name], name);
        }
        var pluginOptions = PluginsParser.OptionsOf(document["plugins"], CommitAnalyzer, errors);
        if (pluginOptions is not null)
        {
            foreach (var (name, value) in pluginOptions.Value.Options)
            {
                if (value is null) continue;
                options[name] = (value, $"{pluginOptions.Value.Key}.{name}");
            }
        }
        return options;
    }

    private static Preset PresetOf((JsonNode? Node, string Key) preset, ConfigErrors errors) =>
        preset.Node?.GetValueKind() == JsonValueKind.String
            ? PresetNames.Parse(preset.Node.GetValue<string>(), $"{errors.Source}: '{preset.Key}'")
            : throw errors.Fail(DiagnosticCatalog.UnknownPreset, preset.Key, $"must be a preset name (got {ConfigErrors.Show(preset.Node)})", "Set it to \"conventionalcommits\" or \"angular\".");

    private static IReadOnlyList<string>? NoteKeywords(JsonNode? node, string key, ConfigErrors errors)
    {
        if (node is not JsonObject o) throw errors.Fail(DiagnosticCatalog.InvalidConfigFile, key, $"must be an object (got {ConfigErrors.Show(node)})", "Write it like {\"noteKeywords\": [\"BREAKING CHANGE\"]}.");
        foreach (var (name, _) in o)
        {
            if (!SupportedParserOptions.Contains(name))
            {
                throw errors.Fail(DiagnosticCatalog.InvalidConfigFile, $"{key}.{name}",
                    "is a parser option Release.Sdk does not reproduce (only noteKeywords is supported), so commits would be parsed differently from semantic-release",
                    "Remove it, or keep a configuration that uses only the preset's parser options.");
            }
        }
        var keywords = o["noteKeywords"];
        if (keywords is null) return null;
        if (keywords is not JsonArray array || array.Any(k => k?.GetValueKind() != JsonValueKind.String))
            throw errors.Fail(DiagnosticCatalog.InvalidConfigFile, $"{key}.noteKeywords", $"must be an array of strings (got {ConfigErrors.Show(keywords)})", "Write it like [\"BREAKING CHANGE\", \"BREAKING CHANGES\"].");
        return array.Select(k => k!.GetValue<string>()).ToList();
    }
}
