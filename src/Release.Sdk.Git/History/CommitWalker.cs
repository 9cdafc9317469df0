namespace Release.Sdk.Git.History;

/// <summary>Graph walks over a <see cref="CommitStore"/>'s integer indices: no git access, no allocation per commit.</summary>
internal static class CommitWalker
{
    /// <summary>Marks <paramref name="starts"/> and all their ancestors.</summary>
    public static bool[] Ancestors(CommitStore store, IEnumerable<int> starts)
    {
        var marked = new bool[store.Count];
        // A List<int> as the stack: Stack<int> lives outside CoreLib and was JIT-compiled in every build.
        var pending = new List<int>();
        foreach (var s in starts)
        {
            if (!marked[s]) { marked[s] = true; pending.Add(s); }
        }
        while (pending.Count > 0)
        {
            var commit = pending[^1];
            pending.RemoveAt(pending.Count - 1);
            foreach (var p in store.ParentsOf(commit))
            {
                if (!marked[p]) { marked[p] = true; pending.Add(p); }
            }
        }
        return marked;
    }

    /// <summary>
    /// Which of <paramref name="targets"/> (ascending, distinct) are <paramref name="start"/> or its ancestors, exactly
    /// (<c>git tag --merged</c>). The walk stops early once every target is found, and does not go below a commit
    /// that a memo covering all targets answers for: a target reachable through that commit is in the memo, any
    /// other is found on another path.
    /// </summary>
    public static HashSet<int> ReachableTargets(CommitStore store, int start, int[] targets, IEnumerable<ReachabilityMemo> memos)
    {
        var found = new HashSet<int>();
        if (targets.Length == 0) return found;
        var usable = new Dictionary<int, ReachabilityMemo>();
        foreach (var memo in memos)
        {
            if (memo.Covers(targets)) usable.TryAdd(memo.Head, memo);
        }
        var wanted = new bool[store.Count];
        foreach (var t in targets) wanted[t] = true;
        var marked = new bool[store.Count];
        var pending = new List<int> { start };
        marked[start] = true;
        while (found.Count < targets.Length && pending.Count > 0)
        {
            var commit = pending[^1];
            pending.RemoveAt(pending.Count - 1);
            if (wanted[commit]) found.Add(commit);
            if (usable.TryGetValue(commit, out var answered))
            {
                answered.AddReachable(targets, found);
                continue;
            }
            foreach (var p in store.ParentsOf(commit))
            {
                if (marked[p]) continue;
                marked[p] = true;
                pending.Add(p);
            }
        }
        return found;
    }

    /// <summary>
    /// The commits reachable from <paramref name="head"/> and not from any excluded commit, newest committer date first
    /// (ties in discovery order), which is the order <c>git log ^x head</c> prints.
    /// </summary>
    public static int[] Since(CommitStore store, int head, IEnumerable<int> excluded)
    {
        var hidden = Ancestors(store, excluded);
        return NewestFirst(store, head, p => hidden[p], new int[store.Count], walk: 1);
    }

    /// <summary>
    /// <paramref name="head"/> and its ancestors, without those <paramref name="isExcluded"/> names and what lies only
    /// behind them, newest committer date first (ties in discovery order).
    /// </summary>
    /// <param name="seen">Visit marks shared by a series of walks (so a changelog's 200 walks allocate one array):
    /// a commit is visited in this walk when its mark equals <paramref name="walk"/>.</param>
    public static int[] NewestFirst(CommitStore store, int head, Func<int, bool> isExcluded, int[] seen, int walk)
    {
        if (isExcluded(head)) return [];
        var result = new List<int>();
        var queue = new DateOrderedQueue();
        seen[head] = walk;
        queue.Enqueue(head, store[head].CommitterSeconds);
        while (queue.Count > 0)
        {
            var index = queue.Dequeue();
            result.Add(index);
            foreach (var p in store.ParentsOf(index))
            {
                if (seen[p] == walk || isExcluded(p)) continue;
                seen[p] = walk;
                queue.Enqueue(p, store[p].CommitterSeconds);
            }
        }
        return [.. result];
    }
}
