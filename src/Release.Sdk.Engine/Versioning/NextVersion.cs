using NuGet.Versioning;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Branches;

namespace Release.Sdk.Engine.Versioning;

/// <summary>semantic-release 24's lib/get-next-version.js.</summary>
internal static class NextVersion
{
    /// <summary>The version a release of <paramref name="type"/> gets on <paramref name="branch"/> after <paramref name="lastRelease"/>.</summary>
    public static SemanticVersion Compute(ResolvedBranch branch, ReleaseType type, ReleaseTag? lastRelease)
    {
        if (type == ReleaseType.None) throw new ArgumentOutOfRangeException(nameof(type), "No next version without a release type.");
        var isPrerelease = branch.Type == BranchType.Prerelease;
        if (lastRelease is null)
        {
            return isPrerelease ? WithPrerelease(BranchDefinitions.FirstRelease, branch.Prerelease!) : BranchDefinitions.FirstRelease;
        }
        if (!isPrerelease) return SemVer.Increment(lastRelease.Version, type);

        if (lastRelease.Version.IsPrerelease && lastRelease.IsOnChannel(branch.Channel))
        {
            // Continue the channel's numbering, unless the bump moves past the latest version of the branch.
            var latest = BranchVersions.Latest(BranchVersions.Of(branch.Tags), withPrerelease: true)!;
            return SemVer.Highest(
                SemVer.IncrementPrerelease(lastRelease.Version),
                WithPrerelease(SemVer.Increment(latest, type), branch.Prerelease!));
        }
        return WithPrerelease(SemVer.Increment(SemVer.Core(lastRelease.Version), type), branch.Prerelease!);
    }

    /// <summary><c>X.Y.Z-&lt;preid&gt;.1</c> (semantic-release's FIRSTPRERELEASE is 1).</summary>
    private static SemanticVersion WithPrerelease(SemanticVersion core, string preid) =>
        SemVer.Parse($"{core.Major}.{core.Minor}.{core.Patch}-{preid}.1");
}
