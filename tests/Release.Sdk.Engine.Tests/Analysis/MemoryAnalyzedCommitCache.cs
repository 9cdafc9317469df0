using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.History;

namespace Release.Sdk.Engine.Tests.Analysis;

/// <summary>An in-memory <see cref="IAnalyzedCommitCache"/> keyed like the real one: (fingerprint, sha).</summary>
internal sealed class MemoryAnalyzedCommitCache : IAnalyzedCommitCache
{
    private readonly Dictionary<(string Fingerprint, string Sha), AnalyzedCommit> _facts = [];

    /// <summary>How many commits were analyzed and handed to the cache so far.</summary>
    public int Stored { get; private set; }

    public bool[] Lookup(IReadOnlyList<CommitInfo> commits, string fingerprint, AnalyzedCommit[] facts)
    {
        var known = new bool[commits.Count];
        for (var i = 0; i < commits.Count; i++) known[i] = _facts.TryGetValue((fingerprint, commits[i].Sha), out facts[i]);
        return known;
    }

    public void Store(IReadOnlyList<CommitInfo> commits, string fingerprint, IReadOnlyList<int> positions, IReadOnlyList<AnalyzedCommit> facts)
    {
        for (var k = 0; k < positions.Count; k++) _facts[(fingerprint, commits[positions[k]].Sha)] = facts[k];
        Stored += positions.Count;
    }
}
