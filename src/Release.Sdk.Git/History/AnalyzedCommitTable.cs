using Release.Sdk.Engine.Analysis;

namespace Release.Sdk.Git.History;

/// <summary>
/// Analyzed commits under one analyzer fingerprint, by <see cref="CommitStore"/> index (so a lookup is an array read,
/// not a sha parse). Persisted by <see cref="AnalyzedCommitFile"/>. Not thread-safe: callers lock the store.
/// </summary>
internal sealed class AnalyzedCommitTable(string fingerprint, int capacity)
{
    private AnalyzedCommit?[] _byIndex = new AnalyzedCommit?[capacity];
    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);

    public string Fingerprint { get; } = fingerprint;

    public int Count { get; private set; }

    /// <summary>How many commits were added since the table was loaded or saved.</summary>
    public int UnsavedFacts { get; set; }

    /// <summary>True when the table exists on disk (it was loaded from or saved to its file).</summary>
    public bool IsPersisted { get; set; }

    public AnalyzedCommit? this[int storeIndex] => storeIndex < _byIndex.Length ? _byIndex[storeIndex] : null;

    public void Set(int storeIndex, AnalyzedCommit facts)
    {
        if (storeIndex >= _byIndex.Length) Array.Resize(ref _byIndex, Math.Max(storeIndex + 1, _byIndex.Length * 2));
        if (_byIndex[storeIndex] is null) Count++;
        // 100k commits share a handful of types; one string per type instead of one per commit.
        _byIndex[storeIndex] = facts.Type is { } type ? facts with { Type = Intern(type) } : facts;
    }

    /// <summary>Store indices that hold facts, ascending.</summary>
    public IEnumerable<int> Indices()
    {
        for (var i = 0; i < _byIndex.Length; i++)
        {
            if (_byIndex[i] is not null) yield return i;
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
