using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Configuration;

/// <summary>
/// Finds and reads the semantic-release configuration and composes it with explicit settings.
/// Precedence, highest first:
/// 1. explicit values (MSBuild properties/items, CLI flags) in <see cref="ReleaseConfigOverrides"/> — ReleaseBranch
///    items replace <c>branches</c>; ReleaseRule items are tried before the file's <c>releaseRules</c>;
///    ReleaseTagFormat beats ReleaseTagPrefix, and either beats the file's <c>tagFormat</c>;
/// 2. the config file: the explicit one if given, else the first of semantic-release's (cosmiconfig) search places
///    at the repository root — package.json's "release" key, .releaserc, .releaserc.json;
/// 3. defaults: semantic-release's branches and tag format, and the conventionalcommits preset (Release.Sdk's
///    default; semantic-release's own is angular — set "preset": "angular" to get it).
/// </summary>
internal static class ReleaseConfigLoader
{
    /// <summary>Config files semantic-release would read but Release.Sdk cannot: refusing beats silently ignoring them.</summary>
    private static readonly string[] UnreadableSearchPlaces =
    [
        ".releaserc.yaml", ".releaserc.yml", ".releaserc.js", ".releaserc.ts", ".releaserc.cjs", ".releaserc.mjs",
        ".config/releaserc", ".config/releaserc.json", ".config/releaserc.yaml", ".config/releaserc.yml",
        ".config/releaserc.js", ".config/releaserc.ts", ".config/releaserc.cjs", ".config/releaserc.mjs",
        "release.config.js", "release.config.ts", "release.config.cjs", "release.config.mjs",
    ];

    public static ReleaseConfig Load(string? repositoryRoot, string? explicitConfigFile, ReleaseConfigOverrides overrides)
    {
        var config = ReadFile(repositoryRoot, explicitConfigFile) ?? new ReleaseConfig();
        return Apply(config, overrides);
    }

    public static ReleaseConfig Apply(ReleaseConfig config, ReleaseConfigOverrides overrides)
    {
        var analyzer = config.Analyzer;
        if (overrides.Preset is { } preset) analyzer = analyzer with { Preset = PresetNames.Parse(preset, "ReleasePreset (--preset)") };
        if (overrides.ReleaseRules is { } rules) analyzer = analyzer with { ReleaseRules = [.. rules, .. analyzer.ReleaseRules ?? []] };
        if (overrides.NoteKeywords is { } keywords) analyzer = analyzer with { NoteKeywords = keywords };

        var tagFormat = overrides.TagFormat is { } format ? TagFormat.Parse(format, "ReleaseTagFormat").Template
            : overrides.TagPrefix is { } prefix ? TagFormat.FromPrefix(prefix).Template
            : config.TagFormat;
        return config with
        {
            Analyzer = analyzer,
            TagFormat = tagFormat,
            Branches = overrides.Branches ?? config.Branches,
            BuildLabel = overrides.BuildLabel is { } label ? BuildLabel.Validate(label) : config.BuildLabel,
        };
    }

    private static ReleaseConfig? ReadFile(string? repositoryRoot, string? explicitConfigFile)
    {
        if (explicitConfigFile is not null)
        {
            var path = Path.GetFullPath(explicitConfigFile, repositoryRoot ?? Directory.GetCurrentDirectory());
            if (!File.Exists(path))
            {
                throw new ReleaseException(DiagnosticCatalog.ConfigFileNotFound,
                    $"The configuration file '{path}' does not exist. Fix the path given to ReleaseConfigFile (--config), or remove it to use .releaserc.json at the repository root.");
            }
            return ReleaseConfigParser.Parse(File.ReadAllText(path), path);
        }
        if (repositoryRoot is null) return null;

        var packageJson = Path.Combine(repositoryRoot, "package.json");
        if (File.Exists(packageJson) && ReleaseKeyOf(packageJson) is { } fromPackage)
        {
            return ReleaseConfigParser.FromDocument(fromPackage, packageJson + " (\"release\")");
        }
        foreach (var name in new[] { ".releaserc", ".releaserc.json" })
        {
            var path = Path.Combine(repositoryRoot, name);
            if (File.Exists(path)) return ReleaseConfigParser.Parse(File.ReadAllText(path), path);
        }
        foreach (var name in UnreadableSearchPlaces)
        {
            var path = Path.Combine(repositoryRoot, name);
            if (File.Exists(path))
            {
                throw new ReleaseException(DiagnosticCatalog.InvalidConfigFile,
                    $"{path}: semantic-release would read this configuration, but Release.Sdk reads only JSON (.releaserc.json, .releaserc, package.json \"release\"). " +
                    "Convert it to .releaserc.json, or point ReleaseConfigFile (--config) at a JSON file.");
            }
        }
        return null;
    }

    /// <summary>cosmiconfig reads package.json only when it has the "release" key; otherwise the search goes on.</summary>
    private static JsonObject? ReleaseKeyOf(string packageJson)
    {
        JsonObject document;
        try
        {
            document = ReleaseConfigParser.ParseDocument(File.ReadAllText(packageJson), packageJson);
        }
        catch (ReleaseException)
        {
            // A broken package.json is npm's problem unless it is where our configuration lives; .releaserc* still applies.
            return null;
        }
        return document["release"] switch
        {
            null => null,
            JsonObject release => (JsonObject)release.DeepClone(),
            var other => throw new ReleaseException(DiagnosticCatalog.InvalidConfigFile,
                $"{packageJson}: 'release' must be an object with the semantic-release configuration (got {ConfigErrors.Show(other)}). Fix it or remove the key."),
        };
    }
}
