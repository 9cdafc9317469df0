using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Branches;

/// <summary>A branch entry with its (lazily read) release tags, as normalize.js sees it before normalization.</summary>
internal sealed record ResolvedBranchTags(ExpandedBranch Branch, Lazy<IReadOnlyList<ReleaseTag>> LazyTags)
{
    public IReadOnlyList<ReleaseTag> Tags => LazyTags.Value;

    public string Name => Branch.Name;
}
