using NuGet.Versioning;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Branches;

/// <summary>semantic-release's lib/utils.js version helpers over a branch's tags.</summary>
internal static class BranchVersions
{
    public static IReadOnlyList<SemanticVersion> Of(IEnumerable<ReleaseTag> tags) => tags.Select(t => t.Version).ToList();

    /// <summary><c>getLatestVersion</c>: the highest version (releases only unless <paramref name="withPrerelease"/>).</summary>
    public static SemanticVersion? Latest(IEnumerable<SemanticVersion> versions, bool withPrerelease = false) =>
        versions.Where(v => withPrerelease || !v.IsPrerelease).OrderByDescending(v => v, VersionComparer.Default).FirstOrDefault();

    /// <summary><c>getEarliestVersion</c>: the lowest release version.</summary>
    public static SemanticVersion? Earliest(IEnumerable<SemanticVersion> versions) =>
        versions.Where(v => !v.IsPrerelease).OrderBy(v => v, VersionComparer.Default).FirstOrDefault();

    /// <summary>
    /// <c>getFirstVersion</c>: the lowest version of <paramref name="versions"/> above every version of the lower
    /// branches (prereleases included on both sides, as in semantic-release), or the earliest release when the lower
    /// branches have no tags.
    /// </summary>
    public static SemanticVersion? First(IEnumerable<SemanticVersion> versions, IEnumerable<ResolvedBranchTags> lowerBranches)
    {
        var highestLower = lowerBranches.SelectMany(b => b.Tags).Select(t => t.Version)
            .OrderByDescending(v => v, VersionComparer.Default).FirstOrDefault();
        if (highestLower is not null)
        {
            return versions.OrderBy(v => v, VersionComparer.Default).FirstOrDefault(v => SemVer.Compare(v, highestLower) > 0);
        }
        return Earliest(versions);
    }
}
