namespace Release.Sdk.Git.History;

/// <summary>
/// The store's id → index map: open addressing over the store's own entries (a slot holds index + 1), no per-entry
/// objects, and code of ours (precompiled in the package's ReadyToRun images). A Dictionary&lt;ObjectKey, int&gt; has
/// no precompiled instantiation anywhere, so a new build process ran its 100k inserts in unoptimized tier-0 code:
/// ~20 ms of every build after a commit in a 100k-commit repository. Each slot also keeps 32 bits of its key, so a
/// probe reads the entry table only when those match (once per lookup, in practice).
/// </summary>
internal sealed class ObjectKeyIndex(Func<int, ObjectKey> keyAt)
{
    private long[] _slots = new long[16];
    private int _count;

    public int Count => _count;

    /// <summary>The slot table, as <see cref="TryAdopt"/> takes it back.</summary>
    internal long[] Slots => _slots;

    /// <summary>
    /// Takes a saved slot table for keys 0..count-1 instead of inserting them again (the random writes of 100k inserts
    /// were ~20 ms of a new build process). Accepted when it is a power of two with room for <paramref name="reserve"/>
    /// more keys and holds each index exactly once; where each sits is the saved table's (its file is checksummed, and
    /// a key looked up is always compared with the entry itself).
    /// </summary>
    public bool TryAdopt(long[] slots, int count, int reserve)
    {
        if (_count != 0 || slots.Length < 16 || (slots.Length & (slots.Length - 1)) != 0 || ((long)count + reserve) * 2 > slots.Length) return false;
        var seen = new bool[count];
        var found = 0;
        foreach (var value in slots)
        {
            if (value == 0) continue;
            var index = (int)value - 1;
            if ((uint)index >= (uint)count || seen[index]) return false;
            seen[index] = true;
            found++;
        }
        if (found != count) return false;
        _slots = slots;
        _count = count;
        return true;
    }

    public bool TryGetValue(ObjectKey key, out int index)
    {
        var mask = _slots.Length - 1;
        var tag = Tag(key);
        for (var slot = Home(key, mask); ; slot = (slot + 1) & mask)
        {
            var value = _slots[slot];
            if (value == 0) break;
            if ((int)(value >> 32) == tag && keyAt((int)value - 1).Equals(key))
            {
                index = (int)value - 1;
                return true;
            }
        }
        index = -1;
        return false;
    }

    /// <returns>false when the key is present already.</returns>
    public bool TryAdd(ObjectKey key, int index)
    {
        if ((_count + 1) * 2 > _slots.Length) Resize(Math.Max(_slots.Length * 2, 16));
        return Insert(key, index);
    }

    /// <summary>Makes room for <paramref name="capacity"/> keys without further growth.</summary>
    public void EnsureCapacity(int capacity)
    {
        var needed = (int)Math.Min(1L << 30, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2)));
        if (needed > _slots.Length) Resize(needed);
    }

    /// <summary>Indexes keys 0..count-1 in one pass.</summary>
    /// <returns>false when two of them are equal.</returns>
    public bool AddRange(int count)
    {
        EnsureCapacity(_count + count);
        var start = _count;
        for (var i = start; i < start + count; i++)
        {
            if (!Insert(keyAt(i), i)) return false;
        }
        return true;
    }

    private bool Insert(ObjectKey key, int index)
    {
        var mask = _slots.Length - 1;
        var tag = Tag(key);
        for (var slot = Home(key, mask); ; slot = (slot + 1) & mask)
        {
            var value = _slots[slot];
            if (value == 0)
            {
                _slots[slot] = (long)tag << 32 | (uint)(index + 1);
                _count++;
                return true;
            }
            if ((int)(value >> 32) == tag && keyAt((int)value - 1).Equals(key)) return false;
        }
    }

    private void Resize(int size)
    {
        var old = _slots;
        _slots = new long[size];
        var mask = size - 1;
        foreach (var value in old)
        {
            if (value == 0) continue;
            var slot = Home(keyAt((int)value - 1), mask);
            while (_slots[slot] != 0) slot = (slot + 1) & mask;
            _slots[slot] = value;
        }
    }

    // Ids are uniformly distributed hashes: their first bits are as good a hash as any.
    private static int Home(ObjectKey key, int mask) => (int)(key.High >> 32) & mask;

    // Other bits than Home's, so that keys sharing a home slot rarely share a tag.
    private static int Tag(ObjectKey key) => (int)key.Middle;
}
