using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Stamping;

namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>
/// What the release run does, resolved from the explicit overrides, then the .releaserc.json plugin entries
/// (@semantic-release/exec, /changelog, /git), then the defaults. With a <c>plugins</c> list the run mirrors
/// semantic-release: no changelog plugin, no CHANGELOG.md; no git plugin, no release commit (tag only). Without one,
/// Release.Sdk's defaults apply: CHANGELOG.md and a release commit.
/// </summary>
internal sealed record ReleaseRunSettings
{
    public const string ExecPlugin = "@semantic-release/exec";
    public const string ChangelogPlugin = "@semantic-release/changelog";
    public const string GitPlugin = "@semantic-release/git";
    public const string DefaultChangelogFile = "CHANGELOG.md";
    public const string DefaultCommitMessage = "chore(release): ${nextRelease.version} [skip ci]\n\n${nextRelease.notes}";

    public ExecHooks Hooks { get; init; } = ExecHooks.None;
    public bool GenerateChangelog { get; init; } = true;
    public string ChangelogFile { get; init; } = DefaultChangelogFile;
    public string? ChangelogTitle { get; init; }
    public bool TagOnly { get; init; }

    /// <summary>Globs of files committed when changed; the files the run writes itself are always committed.</summary>
    public IReadOnlyList<string> Assets { get; init; } = [DefaultChangelogFile];

    public string CommitMessage { get; init; } = DefaultCommitMessage;
    public IReadOnlyList<VersionFileSpec> VersionFiles { get; init; } = [];

    public static ReleaseRunSettings Resolve(ReleaseConfig config, ReleaseRunOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(overrides);
        var document = config.Document;
        var errors = new ConfigErrors(config.SourceFile ?? ".releaserc.json");
        var plugins = document?["plugins"];
        var exec = PluginsParser.OptionsOf(plugins, ExecPlugin, errors);
        var changelog = PluginsParser.OptionsOf(plugins, ChangelogPlugin, errors);
        var git = PluginsParser.OptionsOf(plugins, GitPlugin, errors);

        var changelogFile = overrides.ChangelogFile ?? String(changelog, "changelogFile", errors) ?? DefaultChangelogFile;
        return new ReleaseRunSettings
        {
            Hooks = (exec is { } e ? ReadHooks(e.Options, e.Key, errors) : ExecHooks.None).With(overrides.Hooks ?? ExecHooks.None),
            GenerateChangelog = overrides.GenerateChangelog ?? (plugins is null || changelog is not null),
            ChangelogFile = changelogFile,
            ChangelogTitle = overrides.ChangelogTitle ?? String(changelog, "changelogTitle", errors),
            TagOnly = overrides.TagOnly ?? (plugins is not null && git is null),
            Assets = overrides.Assets ?? AssetsOf(git, errors) ?? [changelogFile],
            CommitMessage = overrides.CommitMessage ?? String(git, "message", errors) ?? DefaultCommitMessage,
            VersionFiles = overrides.VersionFiles ?? [],
        };
    }

    private static ExecHooks ReadHooks(JsonObject options, string key, ConfigErrors errors) =>
        ExecHooks.Read(name => String((options, key), name, errors));

    private static string? String((JsonObject Options, string Key)? plugin, string name, ConfigErrors errors)
    {
        if (plugin is not { } p || p.Options[name] is not { } node) return null;
        if (node.GetValueKind() == JsonValueKind.String) return node.GetValue<string>();
        throw errors.Fail(DiagnosticCatalog.InvalidConfigFile, $"{p.Key}.{name}", $"must be a string (got {ConfigErrors.Show(node)})", "Write the value as a JSON string.");
    }

    // @semantic-release/git: assets is a glob, an array of globs or of { "path": glob } objects; false commits nothing extra.
    private static IReadOnlyList<string>? AssetsOf((JsonObject Options, string Key)? git, ConfigErrors errors)
    {
        if (git is not { } g || g.Options["assets"] is not { } node) return null;
        if (node.GetValueKind() == JsonValueKind.False) return [];
        if (node.GetValueKind() == JsonValueKind.String) return [node.GetValue<string>()];
        var fix = "Write assets as an array of globs, e.g. [\"CHANGELOG.md\", \"helm/*/Chart.yaml\"].";
        if (node is not JsonArray array) throw errors.Fail(DiagnosticCatalog.InvalidConfigFile, $"{g.Key}.assets", $"is {ConfigErrors.Show(node)}", fix);
        var globs = new List<string>();
        foreach (var item in array)
        {
            var path = item switch
            {
                JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                JsonObject o when o["path"] is JsonValue p && p.GetValueKind() == JsonValueKind.String => p.GetValue<string>(),
                _ => throw errors.Fail(DiagnosticCatalog.InvalidConfigFile, $"{g.Key}.assets", $"has the entry {ConfigErrors.Show(item)}", fix),
            };
            globs.Add(path);
        }
        return globs;
    }
}
