using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Branches;

/// <summary>
/// A configured branch that exists in the repository, normalized as semantic-release's lib/branches/normalize.js
/// does: its type, channel (null = default channel) and prerelease identifier. The release tags merged into it
/// (<c>git tag --merged</c>) and the bounds derived from them are computed on first use, so a build only reads the
/// tags of the branches its own decision needs.
/// </summary>
internal sealed record ResolvedBranch
{
    public required string Name { get; init; }
    public required string TipSha { get; init; }
    public required BranchType Type { get; init; }
    public string? Channel { get; init; }

    /// <summary>Prerelease identifier (<c>beta</c>) of a prerelease branch; null otherwise.</summary>
    public string? Prerelease { get; init; }

    /// <summary>The first release branch (semantic-release's <c>main: true</c>).</summary>
    public bool IsMain { get; init; }

    public required Lazy<IReadOnlyList<ReleaseTag>> LazyTags { get; init; }

    public required Lazy<BranchBounds> LazyBounds { get; init; }

    public IReadOnlyList<ReleaseTag> Tags => LazyTags.Value;

    /// <summary>Versions this branch may publish; null for prerelease branches (semantic-release checks no range there).</summary>
    public BranchRange? Range => LazyBounds.Value.Range;

    /// <summary>Release types that stay in <see cref="Range"/> (used to suggest branches in EINVALIDNEXTVERSION).</summary>
    public IReadOnlyList<ReleaseType> Accept => LazyBounds.Value.Accept;

    /// <summary>Maintenance branches: the range of releases that may be merged in from higher branches.</summary>
    public BranchRange? MergeRange => LazyBounds.Value.MergeRange;
}
