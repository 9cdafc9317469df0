namespace Release.Sdk.Git.History;

/// <summary>
/// The store's entry table: a growable array, written out instead of a List&lt;CommitEntry&gt;. ReadyToRun images
/// cannot carry code for the framework's generic collections over our own structs, so a List&lt;CommitEntry&gt; ran
/// its 100k adds and lookups in unoptimized JIT code in every new build process; this class is precompiled.
/// </summary>
internal sealed class CommitEntries(int capacity)
{
    private CommitEntry[] _items = new CommitEntry[Math.Max(capacity, 16)];

    public int Count { get; private set; }

    public CommitEntry this[int index]
    {
        get => (uint)index < (uint)Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));
        set
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            _items[index] = value;
        }
    }

    /// <summary>The entry in place (no copy of the whole struct for one field).</summary>
    public ref readonly CommitEntry ItemRef(int index)
    {
        if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
        return ref _items[index];
    }

    public void Add(in CommitEntry entry)
    {
        if (Count == _items.Length) Grow(_items.Length * 2);
        _items[Count++] = entry;
    }

    public void EnsureCapacity(int capacity)
    {
        if (capacity > _items.Length) Grow(Math.Max(capacity, _items.Length * 2));
    }

    /// <summary>A larger array, cleared: the table is written to the store file as it is in memory, padding between an
    /// entry's fields included, and an uncleared array left whatever its memory held there (a test saw the file differ
    /// from run to run). Fresh memory from the system is zero already and is not written by clearing.</summary>
    private void Grow(int capacity)
    {
        var grown = new CommitEntry[capacity];
        AsSpan().CopyTo(grown);
        _items = grown;
    }

    public ReadOnlySpan<CommitEntry> AsSpan() => _items.AsSpan(0, Count);

    /// <summary>A table over <paramref name="items"/> as they are, the first <paramref name="count"/> valid (no copy).</summary>
    public static CommitEntries Adopt(CommitEntry[] items, int count) => new(0) { _items = items, Count = count };

    /// <summary>The current backing array (entries 0..Count-1 are valid); growing replaces it with a larger copy.</summary>
    public CommitEntry[] Items => _items;
}
