namespace Release.Sdk.Git.History;

/// <summary>
/// For every commit of a <see cref="CommitStore"/>: which of a chosen set of commits (the marks, e.g. all release tags)
/// it is, or is an ancestor of, as one bit per mark. Built in one pass over the marks' ancestries, children before
/// parents, so that "is this commit an ancestor of that mark" is then one bit test instead of a walk: cutting a history
/// of N commits at T tags costs O(N·T/64) instead of O(N·T) for a walk per tag.
/// </summary>
internal sealed class DescendantMarks
{
    private readonly Dictionary<int, int> _bitOf;
    private readonly ulong[] _bits;
    private readonly int _words;

    private DescendantMarks(int storeCount, Dictionary<int, int> bitOf)
    {
        StoreCount = storeCount;
        _bitOf = bitOf;
        _words = Math.Max(1, (bitOf.Count + 63) / 64);
        _bits = new ulong[storeCount * _words];
    }

    /// <summary>How many commits the store held when this was built (a store only grows: more means stale).</summary>
    public int StoreCount { get; }

    /// <param name="marks">Store indices; duplicates are ignored.</param>
    public static DescendantMarks Build(CommitStore store, IEnumerable<int> marks)
    {
        var bitOf = new Dictionary<int, int>();
        foreach (var m in marks) bitOf.TryAdd(m, bitOf.Count);
        var result = new DescendantMarks(store.Count, bitOf);
        foreach (var (mark, bit) in bitOf) result._bits[mark * result._words + bit / 64] |= 1UL << (bit % 64);

        // Kahn's order over the marks' ancestries: a commit's row is final once all of its children in there have
        // passed theirs down, so count each commit's children first.
        var inHistory = CommitWalker.Ancestors(store, bitOf.Keys);
        var children = new int[store.Count];
        for (var c = 0; c < store.Count; c++)
        {
            if (!inHistory[c]) continue;
            foreach (var p in store.ParentsOf(c)) children[p]++;
        }
        var ready = new Stack<int>();
        for (var c = 0; c < store.Count; c++)
        {
            if (inHistory[c] && children[c] == 0) ready.Push(c);
        }
        while (ready.TryPop(out var child))
        {
            var from = result._bits.AsSpan(child * result._words, result._words);
            foreach (var p in store.ParentsOf(child))
            {
                var to = result._bits.AsSpan(p * result._words, result._words);
                for (var w = 0; w < to.Length; w++) to[w] |= from[w];
                if (--children[p] == 0) ready.Push(p);
            }
        }
        return result;
    }

    /// <summary>Whether <paramref name="commit"/> is one of the marks.</summary>
    public bool IsMark(int commit) => _bitOf.ContainsKey(commit);

    /// <summary>Whether <paramref name="commit"/> is <paramref name="mark"/> or one of its ancestors.</summary>
    public bool IsAncestorOf(int commit, int mark)
    {
        var bit = _bitOf[mark];
        return (_bits[commit * _words + bit / 64] & (1UL << (bit % 64))) != 0;
    }

    /// <summary>The bit mask of some marks, for <see cref="IsAncestorOfAny"/>.</summary>
    public ulong[] MaskOf(IEnumerable<int> marks)
    {
        var mask = new ulong[_words];
        foreach (var m in marks)
        {
            var bit = _bitOf[m];
            mask[bit / 64] |= 1UL << (bit % 64);
        }
        return mask;
    }

    /// <summary>Whether <paramref name="commit"/> is one of the marks in <paramref name="mask"/> or an ancestor of one.</summary>
    public bool IsAncestorOfAny(int commit, ulong[] mask)
    {
        var row = _bits.AsSpan(commit * _words, _words);
        for (var w = 0; w < row.Length; w++)
        {
            if ((row[w] & mask[w]) != 0) return true;
        }
        return false;
    }
}
