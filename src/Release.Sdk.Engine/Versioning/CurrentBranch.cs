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
        if (BranchExpander.Expand(config.Branches, [new BranchTip(branchName, head)]).Count == 0) return null;

        // semantic-release reads the branch tips from the remote; locally the built branch is HEAD (also when
        // detached on CI), and the others are local branches, else origin's remote-tracking ones.
        // Written out: ReadyToRun cannot precompile LINQ sorting by a bool, see docs/design/decisions.md.
        var existing = new List<BranchTip>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        AddFirstOfEachName(existing, seen, history.Branches, remote: false, branchName);
        AddFirstOfEachName(existing, seen, history.Branches, remote: true, branchName);
        existing.Add(new BranchTip(branchName, head));
        return BranchModel.Resolve(config.Branches, existing, tags.ReachableFrom);
    }

    private static void AddFirstOfEachName(List<BranchTip> existing, HashSet<string> seen, IReadOnlyList<GitBranch> branches, bool remote, string builtBranch)
    {
        foreach (var b in branches)
        {
            if (b.IsRemote == remote && seen.Add(b.Name) && b.Name != builtBranch) existing.Add(new BranchTip(b.Name, b.TipSha));
        }
    }
}
