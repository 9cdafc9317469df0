using NuGet.Versioning;
using Release.Sdk.Engine.Branches;

namespace Release.Sdk.Engine.Versioning;

/// <summary>semantic-release 24's lib/get-last-release.js.</summary>
internal static class LastRelease
{
    /// <summary>
    /// The highest tag of the branch that counts as a release there: any release version, plus on a prerelease
    /// branch the prereleases of its own channel and identifier. Null when the branch has none.
    /// </summary>
    /// <param name="before">Only versions lower than this one.</param>
    public static ReleaseTag? Find(ResolvedBranch branch, SemanticVersion? before = null) => Find(branch, branch.Tags, before);

    public static ReleaseTag? Find(ResolvedBranch branch, IEnumerable<ReleaseTag> tags, SemanticVersion? before = null) => tags
        .Where(tag =>
            (!tag.Version.IsPrerelease
             || (branch.Type == Branches.BranchType.Prerelease
                 && tag.IsOnChannel(branch.Channel)
                 && SemVer.HasPrereleaseIdentifier(tag.Version, branch.Prerelease!)))
            && (before is null || SemVer.Compare(tag.Version, before) < 0))
        .OrderByDescending(tag => tag.Version, VersionComparer.Default)
        .FirstOrDefault();
}
