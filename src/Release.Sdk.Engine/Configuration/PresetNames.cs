using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Engine.Configuration;

internal static class PresetNames
{
    /// <summary>
    /// commit-analyzer loads <c>conventional-changelog-${preset.toLowerCase()}</c>, so names are case-insensitive.
    /// The other conventional-changelog presets (eslint, ember, …) are not reproduced: refuse rather than guess.
    /// </summary>
    public static Preset Parse(string name, string origin) => name.ToLowerInvariant() switch
    {
        "conventionalcommits" => Preset.ConventionalCommits,
        "angular" => Preset.Angular,
        _ => throw new ReleaseException(DiagnosticCatalog.UnknownPreset,
            $"{origin}: unknown commit-analyzer preset '{name}'. Release.Sdk reproduces 'conventionalcommits' (the default) and 'angular'; set one of them."),
    };
}
