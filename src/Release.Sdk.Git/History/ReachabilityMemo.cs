namespace Release.Sdk.Git.History;

/// <summary>
/// One answer of <see cref="CommitWalker.ReachableTargets"/>, kept for later walks: which of <see cref="Targets"/>
/// (store indices, ascending) are <see cref="Head"/> or its ancestors. Commits never change, so the answer holds for
/// good; a later walk from a descendant stops at <see cref="Head"/> instead of walking the whole history again. That is
/// what makes the build right after a commit cheap: the new HEAD's parent is the HEAD of the previous build.
/// </summary>
internal sealed class ReachabilityMemo(int head, int[] targets, bool[] reachable)
{
    public int Head { get; } = head;

    /// <summary>Ascending, distinct.</summary>
    public int[] Targets { get; } = targets;

    /// <summary>Parallel to <see cref="Targets"/>.</summary>
    public bool[] Reachable { get; } = reachable;

    /// <summary>Whether this memo knows the answer for every one of <paramref name="wanted"/> (ascending, distinct).</summary>
    public bool Covers(int[] wanted)
    {
        if (wanted.Length > Targets.Length) return false;
        var j = 0;
        foreach (var w in wanted)
        {
            while (j < Targets.Length && Targets[j] < w) j++;
            if (j == Targets.Length || Targets[j] != w) return false;
        }
        return true;
    }

    /// <summary>Adds to <paramref name="found"/> the <paramref name="wanted"/> targets this memo says are reachable.</summary>
    public void AddReachable(int[] wanted, HashSet<int> found)
    {
        var j = 0;
        foreach (var w in wanted)
        {
            while (Targets[j] < w) j++;
            if (Reachable[j]) found.Add(w);
        }
    }
}
