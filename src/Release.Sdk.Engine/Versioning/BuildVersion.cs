using NuGet.Versioning;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Branches;

namespace Release.Sdk.Engine.Versioning;

/// <summary>
/// The version every build is stamped with (design.md §5), ordered so that IDE builds, CI artifacts and releases
/// form one line: a tagged commit builds its tag's version; a prerelease channel branch builds its next channel
/// version (+sha); anything else builds <c>{next}-{label}.0.{height}+{sha}</c>, where next is the version the next
/// release would get (a patch bump when none is due) and height the number of commits since the last release.
/// </summary>
internal static class BuildVersion
{
    public static string For(
        ReleaseTag? headTag, ResolvedBranch? branch, ReleaseTag? lastRelease, ReleaseType bump, SemanticVersion? next,
        int height, string head, string label)
    {
        if (headTag is not null) return SemVer.Format(headTag.Version);
        var shortSha = VersionEngine.ShortSha(head);
        if (branch is { Type: BranchType.Prerelease })
        {
            var channelVersion = next ?? NextVersion.Compute(branch, ReleaseType.Patch, lastRelease);
            return $"{SemVer.Format(channelVersion)}+{shortSha}";
        }
        var core = next
            ?? (lastRelease is null ? BranchDefinitions.FirstRelease : SemVer.Increment(lastRelease.Version, bump == ReleaseType.None ? ReleaseType.Patch : bump));
        return $"{SemVer.Format(SemVer.Core(core))}-{label}.0.{height}+{shortSha}";
    }
}
