using NuGet.Versioning;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Branches;

/// <summary>
/// semantic-release 24's lib/branches/normalize.js, one method per branch kind. Bounds are computed lazily but
/// with the same inputs and order as the original.
/// </summary>
internal static class BranchNormalizer
{
    private static readonly IReadOnlyList<ReleaseType> AllReleaseTypes = [ReleaseType.Patch, ReleaseType.Minor, ReleaseType.Major];

    public static IReadOnlyList<ResolvedBranch> Maintenance(IReadOnlyList<ResolvedBranchTags> maintenance, IReadOnlyList<ResolvedBranchTags> release)
    {
        // lodash sortBy on the range text: a stable ordinal string sort ("1.x" < "10.x" < "2.x").
        // No (branch, range text) tuples: ReadyToRun cannot precompile LINQ over them, see docs/design/decisions.md.
        var sortedTags = maintenance.OrderBy(RangeText, StringComparer.Ordinal).ToList();

        return sortedTags.Select((branch, idx) => new ResolvedBranch
        {
            Name = branch.Name,
            TipSha = branch.Branch.TipSha,
            Type = BranchType.Maintenance,
            Channel = branch.Branch.Spec.ChannelIsFalse ? null : branch.Branch.Spec.Channel ?? branch.Name,
            LazyTags = branch.LazyTags,
            LazyBounds = new Lazy<BranchBounds>(() => MaintenanceBounds(sortedTags.Select(RangeText).ToList(), idx, branch, sortedTags, release)),
        }).ToList();
    }

    private static string RangeText(ResolvedBranchTags branch) => branch.Branch.Spec.Range ?? branch.Name;

    private static BranchBounds MaintenanceBounds(
        IReadOnlyList<string> ranges, int idx, ResolvedBranchTags branch, IReadOnlyList<ResolvedBranchTags> maintenance, IReadOnlyList<ResolvedBranchTags> release)
    {
        var own = BranchRange.FromMaintenanceRange(ranges[idx]);
        // A major range (1.x) after a minor one (1.0.x) starts where the minor one ends.
        var maintenanceMin = BranchRange.IsMajorRange(ranges[idx]) && idx > 0 && !BranchRange.IsMajorRange(ranges[idx - 1])
            ? BranchRange.FromMaintenanceRange(ranges[idx - 1]).Max!
            : own.Min;
        var min = SemVer.Highest(BranchVersions.Latest(BranchVersions.Of(branch.Tags)) ?? BranchDefinitions.FirstRelease, maintenanceMin);
        // The first release of the main branch that no maintenance branch has caps every maintenance range.
        SemanticVersion? baseVersion = null;
        if (release.Count > 0)
        {
            var mainVersions = BranchVersions.Of(release[0].Tags);
            baseVersion = BranchVersions.First(mainVersions, maintenance) ?? BranchVersions.Latest(mainVersions);
        }
        var max = SemVer.Lowest(baseVersion ?? BranchDefinitions.FirstRelease, own.Max);
        var diff = SemVer.Diff(min, max);
        return new BranchBounds(
            new BranchRange(min, max),
            diff is null ? [] : BranchBounds.AcceptFor(diff),
            new BranchRange(maintenanceMin, own.Max));
    }

    public static IReadOnlyList<ResolvedBranch> Release(IReadOnlyList<ResolvedBranchTags> release) =>
        release.Select((branch, idx) => new ResolvedBranch
        {
            Name = branch.Name,
            TipSha = branch.Branch.TipSha,
            Type = BranchType.Release,
            Channel = branch.Branch.Spec.ChannelIsFalse ? null : idx == 0 ? branch.Branch.Spec.Channel : branch.Branch.Spec.Channel ?? branch.Name,
            IsMain = idx == 0,
            LazyTags = branch.LazyTags,
            LazyBounds = new Lazy<BranchBounds>(() => ReleaseBounds(release, idx)),
        }).ToList();

    private static BranchBounds ReleaseBounds(IReadOnlyList<ResolvedBranchTags> release, int idx)
    {
        // lastVersion accumulates over release[0..idx], starting from release[0]'s latest or 1.0.0.
        var lastVersion = BranchVersions.Latest(BranchVersions.Of(release[0].Tags)) ?? BranchDefinitions.FirstRelease;
        for (var i = 0; i <= idx; i++)
        {
            lastVersion = SemVer.Highest(BranchVersions.Latest(BranchVersions.Of(release[i].Tags)), lastVersion);
        }
        // The upper bound: the lowest version on the next release branch that none of the previous ones has.
        var bound = idx == release.Count - 1
            ? null
            : BranchVersions.First(BranchVersions.Of(release[idx + 1].Tags), release.Take(idx + 1));
        if (bound is null) return new BranchBounds(new BranchRange(lastVersion, null), AllReleaseTypes, null);
        return new BranchBounds(new BranchRange(lastVersion, bound), BranchBounds.AcceptFor(SemVer.Diff(lastVersion, bound)), null);
    }

    public static IReadOnlyList<ResolvedBranch> Prerelease(IReadOnlyList<ResolvedBranchTags> prerelease) =>
        prerelease.Select(branch =>
        {
            var channel = branch.Branch.Spec.ChannelIsFalse ? null : branch.Branch.Spec.Channel ?? branch.Name;
            var preid = BranchDefinitions.PrereleaseIdentifier(branch.Branch);
            return new ResolvedBranch
            {
                Name = branch.Name,
                TipSha = branch.Branch.TipSha,
                Type = BranchType.Prerelease,
                Channel = channel,
                Prerelease = preid,
                LazyTags = new Lazy<IReadOnlyList<ReleaseTag>>(() => AssumeChannels(branch.Tags, preid, channel)),
                LazyBounds = new Lazy<BranchBounds>(() => BranchBounds.Unbounded),
            };
        }).ToList();

    /// <summary>
    /// semantic-release records each release's channels in git notes (refs/notes/semantic-release*); Release.Sdk
    /// reads no notes. Without notes semantic-release itself puts every tag on the default channel, which would
    /// make a prerelease branch never continue its own numbering from tags alone. We instead treat a prerelease tag
    /// whose prerelease identifiers include this branch's (v2.0.0-beta.1 on <c>beta</c>) as published on this
    /// branch's channel — exactly what semantic-release's notes say for tags it created itself. Release tags stay
    /// on the default channel. Verified against semrel-next: beta-second (with the channel note) gives 2.0.0-beta.2,
    /// as we do without the note.
    /// </summary>
    private static IReadOnlyList<ReleaseTag> AssumeChannels(IReadOnlyList<ReleaseTag> tags, string preid, string? channel) =>
        tags.Select(t => t.Version.IsPrerelease && SemVer.HasPrereleaseIdentifier(t.Version, preid) ? t with { Channels = [channel] } : t).ToList();
}
