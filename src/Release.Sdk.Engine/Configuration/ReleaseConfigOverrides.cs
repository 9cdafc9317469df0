using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Branches;

namespace Release.Sdk.Engine.Configuration;

/// <summary>
/// Values given explicitly through MSBuild properties/items or CLI flags; null = not given. They compose with the
/// config file as follows (see ReleaseConfigLoader): each non-null value wins over the file, except that
/// <see cref="ReleaseRules"/> go before the file's rules (custom rules are tried in order, the first match per
/// commit decides). <see cref="TagFormat"/> wins over <see cref="TagPrefix"/>. Callers must pass null for a
/// property the user did not set (not its default), or the file would never be read for it.
/// </summary>
/// <param name="TagPrefix">ReleaseTagPrefix: the tag format becomes <c>&lt;prefix&gt;${version}</c>.</param>
/// <param name="TagFormat">A full semantic-release tagFormat.</param>
/// <param name="Preset">ReleasePreset / --preset: "conventionalcommits" or "angular".</param>
/// <param name="Branches">ReleaseBranch items: replace the file's branches.</param>
/// <param name="ReleaseRules">ReleaseRule items: tried before the file's releaseRules.</param>
/// <param name="BuildLabel">ReleaseBuildLabel: prerelease label of non-release builds (default "alpha").</param>
/// <param name="NoteKeywords">ReleaseNoteKeywords: replace parserOpts.noteKeywords.</param>
internal sealed record ReleaseConfigOverrides(
    string? TagPrefix = null,
    string? TagFormat = null,
    string? Preset = null,
    IReadOnlyList<BranchSpec>? Branches = null,
    IReadOnlyList<ReleaseRule>? ReleaseRules = null,
    string? BuildLabel = null,
    IReadOnlyList<string>? NoteKeywords = null)
{
    public static ReleaseConfigOverrides None { get; } = new();
}
