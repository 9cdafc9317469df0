using Release.Sdk.Engine.Analysis;

namespace Release.Sdk.Git.History;

/// <summary>
/// Analyzed commits under one analyzer fingerprint, by <see cref="CommitStore"/> index (so a lookup is an array read,
/// not a sha parse). Persisted by <see cref="AnalyzedCommitFile"/>. Not thread-safe: callers lock the store.
/// </summary>
internal sealed class AnalyzedCommitTable(string fingerprint, int capacity)
{
    // Facts and presence apart, not an array of AnalyzedCommit?: Nullable over our struct has no precompiled code, and a
    // first build ran its accessors unoptimized for each of 100k commits.
    private AnalyzedCommit[] _byIndex = new AnalyzedCommit[capacity];
    private bool[] _present = new bool[capacity];
    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);

    public string Fingerprint { get; } = fingerprint;

    public int Count { get; private set; }

    /// <summary>How many commits were added since the table was loaded or saved.</summary>
    public int UnsavedFacts { get; set; }

    /// <summary>True when the table exists on disk (it was loaded from or saved to its file).</summary>
    public bool IsPersisted { get; set; }

    public bool TryGet(int storeIndex, out AnalyzedCommit facts)
    {
        if ((uint)storeIndex < (uint)_present.Length && _present[storeIndex])
        {
            facts = _byIndex[storeIndex];
            return true;
        }
        facts = default;
        return false;
    }

    public void Set(int storeIndex, AnalyzedCommit facts)
    {
        if (storeIndex >= _byIndex.Length)
        {
            var size = Math.Max(storeIndex + 1, _byIndex.Length * 2);
            Array.Resize(ref _byIndex, size);
            Array.Resize(ref _present, size);
        }
        if (!_present[storeIndex]) Count++;
        _present[storeIndex] = true;
        // 100k commits share a handful of types; one string per type instead of one per commit.
        _byIndex[storeIndex] = facts.Type is { } type ? facts with { Type = Intern(type) } : facts;
    }

    /// <summary>Store indices that hold facts, ascending.</summary>
    public IEnumerable<int> Indices()
    {
        for (var i = 0; i < _present.Length; i++)
        {
            if (_present[i]) yield return i;
        }
    }

    private string Intern(string type)
    {
        // The analysis hands out a few shared type strings: most commits repeat the previous one's instance.
        if (ReferenceEquals(type, _lastType)) return type;
        if (!_types.TryGetValue(type, out var shared)) _types[type] = shared = type;
        if (ReferenceEquals(shared, type)) _lastType = type;
        return shared;
    }

    private string? _lastType;
}
