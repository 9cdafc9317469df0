namespace Release.Sdk.Git.History;

/// <summary>Graph walks over a <see cref="CommitStore"/>'s integer indices: no git access, no allocation per commit.</summary>
internal static class CommitWalker
{
    /// <summary>Marks <paramref name="starts"/> and all their ancestors.</summary>
    public static bool[] Ancestors(CommitStore store, IEnumerable<int> starts)
    {
        var marked = new bool[store.Count];
        var pending = new Stack<int>();
        foreach (var s in starts)
        {
            if (!marked[s]) { marked[s] = true; pending.Push(s); }
        }
        while (pending.Count > 0)
        {
            foreach (var p in store.ParentsOf(pending.Pop()))
            {
                if (!marked[p]) { marked[p] = true; pending.Push(p); }
            }
        }
        return marked;
    }

    /// <summary>
    /// Marks <paramref name="start"/> and its ancestors, but stops as soon as every one of <paramref name="targets"/> is
    /// marked: the answer for the targets is then complete (an unmarked target is unreachable), the rest is partial.
    /// </summary>
    public static bool[] AncestorsCovering(CommitStore store, int start, IEnumerable<int> targets)
    {
        var wanted = new bool[store.Count];
        var remaining = 0;
        foreach (var t in targets)
        {
            if (!wanted[t]) { wanted[t] = true; remaining++; }
        }
        var marked = new bool[store.Count];
        var pending = new Stack<int>();
        marked[start] = true;
        pending.Push(start);
        if (wanted[start]) remaining--;
        while (remaining > 0 && pending.Count > 0)
        {
            foreach (var p in store.ParentsOf(pending.Pop()))
            {
                if (marked[p]) continue;
                marked[p] = true;
                pending.Push(p);
                if (wanted[p]) remaining--;
            }
        }
        return marked;
    }

    /// <summary>
    /// The commits reachable from <paramref name="head"/> and not from any excluded commit, newest committer date first
    /// (ties in discovery order), which is the order <c>git log ^x head</c> prints.
    /// </summary>
    public static int[] Since(CommitStore store, int head, IEnumerable<int> excluded)
    {
        var seen = Ancestors(store, excluded);
        if (seen[head]) return [];
        var result = new List<int>();
        var queue = new PriorityQueue<int, (long NegativeSeconds, long Sequence)>();
        long sequence = 0;
        seen[head] = true;
        queue.Enqueue(head, (-store[head].CommitterSeconds, sequence++));
        while (queue.TryDequeue(out var index, out _))
        {
            result.Add(index);
            foreach (var p in store.ParentsOf(index))
            {
                if (seen[p]) continue;
                seen[p] = true;
                queue.Enqueue(p, (-store[p].CommitterSeconds, sequence++));
            }
        }
        return [.. result];
    }
}
