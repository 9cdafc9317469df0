using Release.Sdk.Engine.History;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Changelog;

/// <summary>
/// One past release as the changelog regenerator sees it: its tag, the release before it (for compare links) and the
/// commits it shipped, newest first.
/// </summary>
/// <param name="Release">The release's tag.</param>
/// <param name="Previous">The release the notes compare against; null for the first release.</param>
/// <param name="Commits">Commits reachable from <paramref name="Release"/> and not from the releases before it, newest first.</param>
/// <param name="Date">Committer date of the tagged commit when known (the notes header date of a regenerated section).</param>
internal sealed record ReleaseSection(ReleaseTag Release, ReleaseTag? Previous, IReadOnlyList<CommitInfo> Commits, DateTimeOffset? Date)
{
    public string Version => Release.VersionText;

    public string Tag => Release.Name;

    public string? PreviousVersion => Previous?.VersionText;

    public string? PreviousTag => Previous?.Name;
}
