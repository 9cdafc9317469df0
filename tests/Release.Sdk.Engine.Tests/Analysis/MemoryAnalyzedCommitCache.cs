using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.History;

namespace Release.Sdk.Engine.Tests.Analysis;

/// <summary>An in-memory <see cref="IAnalyzedCommitCache"/> keyed like the real one: (fingerprint, sha).</summary>
internal sealed class MemoryAnalyzedCommitCache : IAnalyzedCommitCache
{
    private readonly Dictionary<(string Fingerprint, string Sha), AnalyzedCommit> _facts = [];

    /// <summary>How many commits were analyzed and handed to the cache so far.</summary>
    public int Stored { get; private set; }

    public AnalyzedCommit?[] Lookup(IReadOnlyList<CommitInfo> commits, string fingerprint) =>
        [.. commits.Select(c => _facts.TryGetValue((fingerprint, c.Sha), out var f) ? f : (AnalyzedCommit?)null)];

    public void Store(IReadOnlyList<CommitInfo> commits, string fingerprint, IReadOnlyList<int> positions, IReadOnlyList<AnalyzedCommit> facts)
    {
        for (var k = 0; k < positions.Count; k++) _facts[(fingerprint, commits[positions[k]].Sha)] = facts[k];
        Stored += positions.Count;
    }
}
