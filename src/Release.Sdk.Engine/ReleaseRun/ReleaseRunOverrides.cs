using Release.Sdk.Engine.Stamping;

namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>
/// Release-run settings given explicitly (MSBuild properties/items, CLI flags); null = not given, the
/// .releaserc.json plugin entries or the defaults apply (see <see cref="ReleaseRunSettings.Resolve"/>).
/// </summary>
/// <param name="Hooks">ReleaseVerifyConditionsCmd … ReleaseFailCmd: each set command wins over the exec plugin's.</param>
/// <param name="GenerateChangelog">ReleaseGenerateChangelog.</param>
/// <param name="ChangelogFile">ReleaseChangelogFile (default CHANGELOG.md).</param>
/// <param name="ChangelogTitle">ReleaseChangelogTitle.</param>
/// <param name="TagOnly">ReleaseTagOnly / --tag-only: no release commit, the tag goes on HEAD (protected branches).</param>
/// <param name="Assets">ReleaseAsset globs committed when changed (replace the git plugin's assets).</param>
/// <param name="CommitMessage">ReleaseCommitMessage template.</param>
/// <param name="VersionFiles">ReleaseVersionFile items.</param>
internal sealed record ReleaseRunOverrides(
    ExecHooks? Hooks = null,
    bool? GenerateChangelog = null,
    string? ChangelogFile = null,
    string? ChangelogTitle = null,
    bool? TagOnly = null,
    IReadOnlyList<string>? Assets = null,
    string? CommitMessage = null,
    IReadOnlyList<VersionFileSpec>? VersionFiles = null)
{
    public static ReleaseRunOverrides None { get; } = new();
}
