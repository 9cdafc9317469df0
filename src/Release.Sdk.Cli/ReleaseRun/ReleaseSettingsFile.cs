using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.ReleaseRun;
using Release.Sdk.Engine.Stamping;

namespace Release.Sdk.Cli.ReleaseRun;

/// <summary>
/// <c>--settings FILE</c>: the release-run settings MSBuild properties and items carry (written by the package's
/// targets to obj/), as JSON: <c>versionFiles</c> [{path, kind, pattern, replacement}], <c>hooks</c> {prepareCmd, …},
/// <c>generateChangelog</c>, <c>changelogFile</c>, <c>changelogTitle</c>, <c>tagOnly</c>, <c>assets</c>,
/// <c>commitMessage</c>, <c>tokenVariable</c>, <c>repositoryUrl</c>; and the version computation's explicit settings
/// (so the run releases the version the build computed): <c>tagPrefix</c>, <c>tagFormat</c>, <c>preset</c>,
/// <c>buildLabel</c>, <c>noteKeywords</c>, <c>branches</c> and <c>releaseRules</c> (both in .releaserc.json's shape);
/// and <c>plugins</c>, one object per release plugin (gates, github, nuget, notify, …).
/// Every key is optional.
/// </summary>
internal sealed record ReleaseSettingsFile(ReleaseRunOverrides Overrides, string? TokenVariable, string? RepositoryUrl, ReleaseConfigOverrides Computation)
{
    public static ReleaseSettingsFile Empty { get; } = new(ReleaseRunOverrides.None, null, null, ReleaseConfigOverrides.None);

    /// <summary>The <c>plugins</c> object: one section per release plugin (see PluginSettingsJson in the package), or null.</summary>
    public JsonObject? Plugins { get; init; }

    public static ReleaseSettingsFile Read(string path)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw Invalid(path, "is not a JSON object");
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw Invalid(path, $"cannot be read ({e.Message})");
        }

        var hooks = root["hooks"] as JsonObject;
        return new ReleaseSettingsFile(
            new ReleaseRunOverrides(
                Hooks: hooks is null ? null : ExecHooks.Read(name => String(hooks, name, path)),
                GenerateChangelog: Bool(root, "generateChangelog", path),
                ChangelogFile: String(root, "changelogFile", path),
                ChangelogTitle: String(root, "changelogTitle", path),
                TagOnly: Bool(root, "tagOnly", path),
                Assets: root["assets"] is JsonArray assets ? assets.Select(a => a?.GetValue<string>() ?? throw Invalid(path, "has a null entry in 'assets'")).ToList() : null,
                CommitMessage: String(root, "commitMessage", path),
                VersionFiles: root["versionFiles"] is JsonArray files ? files.Select(f => VersionFile(f, path)).ToList() : null),
            String(root, "tokenVariable", path),
            String(root, "repositoryUrl", path),
            ComputationOf(root, path))
        {
            Plugins = root["plugins"] switch
            {
                null => null,
                JsonObject plugins => plugins,
                var other => throw Invalid(path, $"has 'plugins' = {other.ToJsonString()}, which must be an object"),
            },
        };
    }

    private static ReleaseConfigOverrides ComputationOf(JsonObject root, string path)
    {
        var errors = new ConfigErrors(path);
        return new ReleaseConfigOverrides(
            TagPrefix: String(root, "tagPrefix", path),
            TagFormat: String(root, "tagFormat", path),
            Preset: String(root, "preset", path),
            Branches: root["branches"] is { } branches ? BranchesParser.Parse(branches, errors) : null,
            // The settings file's rules are the project's ReleaseRule items, where /…/ values are regular expressions.
            ReleaseRules: root["releaseRules"] is { } rules ? ReleaseRulesParser.Parse(rules, "releaseRules", errors).Select(r => r with { RegexPatterns = true }).ToList() : null,
            BuildLabel: String(root, "buildLabel", path),
            NoteKeywords: root["noteKeywords"] is JsonArray keywords ? keywords.Select(k => k?.GetValue<string>() ?? throw Invalid(path, "has a null entry in 'noteKeywords'")).ToList() : null);
    }

    /// <summary>Explicit command-line values win over the settings file's.</summary>
    public static ReleaseConfigOverrides Merge(ReleaseConfigOverrides commandLine, ReleaseConfigOverrides file) => new(
        commandLine.TagPrefix ?? file.TagPrefix,
        commandLine.TagFormat ?? file.TagFormat,
        commandLine.Preset ?? file.Preset,
        commandLine.Branches ?? file.Branches,
        commandLine.ReleaseRules ?? file.ReleaseRules,
        commandLine.BuildLabel ?? file.BuildLabel,
        commandLine.NoteKeywords ?? file.NoteKeywords);

    private static VersionFileSpec VersionFile(JsonNode? node, string path)
    {
        if (node is not JsonObject item || String(item, "path", path) is not { } file) throw Invalid(path, "has a versionFiles entry without 'path'");
        VersionFileKind? kind = null;
        if (String(item, "kind", path) is { Length: > 0 } text)
        {
            kind = Enum.TryParse<VersionFileKind>(text, ignoreCase: true, out var parsed)
                ? parsed
                : throw Invalid(path, $"has the unknown version file kind '{text}' (use HelmChart, PackageJson, MSBuild, PlainText or Regex)");
        }
        return new VersionFileSpec(file, kind, String(item, "pattern", path), String(item, "replacement", path));
    }

    private static string? String(JsonObject? parent, string key, string path) => parent?[key] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var other => throw Invalid(path, $"has '{key}' = {other.ToJsonString()}, which must be a string"),
    };

    private static bool? Bool(JsonObject parent, string key, string path) => parent[key] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        var other => throw Invalid(path, $"has '{key}' = {other.ToJsonString()}, which must be true or false"),
    };

    private static ReleaseException Invalid(string path, string problem) => new(
        DiagnosticCatalog.InvalidProperty,
        $"The release settings file {path} {problem}. It is written by Release.Sdk's targets from the Release* properties and ReleaseVersionFile items; fix those (or the file given to --settings).");
}
