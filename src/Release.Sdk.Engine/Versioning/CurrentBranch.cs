using Release.Sdk.Engine.Branches;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.History;

namespace Release.Sdk.Engine.Versioning;

/// <summary>Builds the branch model for the branch being built, or nothing when the branch is not configured.</summary>
internal static class CurrentBranch
{
    /// <summary>
    /// Null when no <c>branches</c> entry matches <paramref name="branchName"/>: semantic-release then publishes
    /// nothing, and a feature-branch build must not fail on a branch model it does not use (a CI clone often lacks
    /// main). Otherwise the whole model, validated as semantic-release validates it, with the built branch at HEAD.
    /// </summary>
    public static BranchModel? ModelFor(IRepositoryHistory history, ReleaseConfig config, ReleaseTagIndex tags, string branchName, string head)
    {
        if (BranchExpander.Expand(config.Branches, [(branchName, head)]).Count == 0) return null;

        // semantic-release reads the branch tips from the remote; locally the built branch is HEAD (also when
        // detached on CI), and the others are local branches, else origin's remote-tracking ones.
        var existing = history.Branches
            .OrderBy(b => b.IsRemote)
            .DistinctBy(b => b.Name, StringComparer.Ordinal)
            .Where(b => b.Name != branchName)
            .Select(b => (b.Name, b.TipSha))
            .Append((branchName, head))
            .ToList();
        return BranchModel.Resolve(config.Branches, existing, tags.ReachableFrom);
    }
}
