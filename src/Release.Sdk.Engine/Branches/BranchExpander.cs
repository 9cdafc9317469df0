namespace Release.Sdk.Engine.Branches;

/// <summary>
/// semantic-release's lib/branches/expand.js: each <c>branches</c> entry, in order, takes the existing branches its
/// name (a micromatch glob) matches and that no earlier entry took. Entries matching no existing branch vanish, which
/// is how a configured-but-absent <c>next</c> or <c>beta</c> is ignored.
/// </summary>
internal static class BranchExpander
{
    /// <param name="existing">Existing branches (name, tip), in git's ref order (ordinal by name).</param>
    public static IReadOnlyList<ExpandedBranch> Expand(IReadOnlyList<BranchSpec> specs, IReadOnlyList<BranchTip> existing)
    {
        // A flag per branch instead of removing matches from a copy of the list (which compared (name, tip) tuples by
        // value, code ReadyToRun cannot precompile, see docs/design/decisions.md): the first entry matching takes it.
        var taken = new bool[existing.Count];
        var expanded = new List<ExpandedBranch>();
        foreach (var spec in specs)
        {
            for (var i = 0; i < existing.Count; i++)
            {
                var branch = existing[i];
                if (taken[i] || !BranchGlob.IsMatch(branch.Name, spec.Name)) continue;
                taken[i] = true;
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
