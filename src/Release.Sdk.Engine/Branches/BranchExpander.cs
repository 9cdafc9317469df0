using Release.Sdk.Engine.Analysis;

namespace Release.Sdk.Engine.Branches;

/// <summary>
/// semantic-release's lib/branches/expand.js: each <c>branches</c> entry, in order, takes the existing branches its
/// name (a micromatch glob) matches and that no earlier entry took. Entries matching no existing branch vanish, which
/// is how a configured-but-absent <c>next</c> or <c>beta</c> is ignored.
/// </summary>
internal static class BranchExpander
{
    /// <param name="existing">Existing branches (name, tip), in git's ref order (ordinal by name).</param>
    public static IReadOnlyList<ExpandedBranch> Expand(IReadOnlyList<BranchSpec> specs, IReadOnlyList<(string Name, string TipSha)> existing)
    {
        var pool = existing.ToList();
        var expanded = new List<ExpandedBranch>();
        foreach (var spec in specs)
        {
            var taken = pool.Where(b => Glob.IsMatch(b.Name, spec.Name)).ToList();
            foreach (var branch in taken)
            {
                pool.Remove(branch);
                expanded.Add(new ExpandedBranch(branch.Name, branch.TipSha, spec with
                {
                    Name = branch.Name,
                    Channel = BranchTemplate.Render(spec.Channel, branch.Name, "channel", spec.Name),
                    Prerelease = BranchTemplate.Render(spec.Prerelease, branch.Name, "prerelease", spec.Name),
                    Range = BranchTemplate.Render(spec.Range, branch.Name, "range", spec.Name),
                }));
            }
        }
        return expanded;
    }
}
