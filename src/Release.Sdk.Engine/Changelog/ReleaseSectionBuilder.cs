using NuGet.Versioning;
using Release.Sdk.Engine.History;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Changelog;

/// <summary>
/// Cuts the history into releases for regeneration, with semantic-release's notion of "last release": a stable
/// release follows the highest lower stable release (prereleases of it are folded in, as on the release branch); a
/// prerelease follows the highest lower release of its own prerelease label or stable line; only releases reachable
/// from the tag count (a maintenance release made later on another branch is not an ancestor). A release's commits
/// are those reachable from its tag and from none of the releases it follows.
/// </summary>
internal static class ReleaseSectionBuilder
{
    /// <returns>The sections, lowest version first.</returns>
    public static IReadOnlyList<ReleaseSection> Build(IRepositoryHistory history, IReadOnlyList<ReleaseTag> tags)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(tags);

        var ordered = tags
            .DistinctBy(t => t.Version, VersionComparer.Default)
            .OrderBy(t => t.Version, VersionComparer.Default)
            .ToList();
        // Every question goes to the history at once: it can then read the whole history in one go and answer each
        // release from one pass, instead of re-reading and re-walking all ancestors release after release.
        var reachable = history.TagsReachableFromEach([.. ordered.Select(t => t.CommitSha)]);
        var earlier = new List<ReleaseTag>[ordered.Count];
        var walks = new CommitWalk[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            var release = ordered[i];
            earlier[i] = ordered.Take(i).Where(t => reachable[i].Contains(t.Name) && Follows(release, t)).ToList();
            walks[i] = new CommitWalk(release.CommitSha, earlier[i].Select(t => t.CommitSha).ToHashSet(StringComparer.Ordinal));
        }
        var commits = history.CommitsSinceEach(walks);

        var sections = new List<ReleaseSection>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var release = ordered[i];
            var tagged = commits[i].FirstOrDefault(c => string.Equals(c.Sha, release.CommitSha, StringComparison.Ordinal));
            sections.Add(new ReleaseSection(release, earlier[i].LastOrDefault(), commits[i], tagged?.CommitterDate));
        }
        return sections;
    }

    private static bool Follows(ReleaseTag release, ReleaseTag earlier) =>
        !earlier.Version.IsPrerelease
        || (release.Version.IsPrerelease && string.Equals(Label(release.Version), Label(earlier.Version), StringComparison.Ordinal));

    private static string Label(SemanticVersion version) => version.ReleaseLabels.FirstOrDefault() ?? "";
}
