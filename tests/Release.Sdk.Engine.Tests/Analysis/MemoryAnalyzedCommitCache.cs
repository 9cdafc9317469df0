using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.History;

namespace Release.Sdk.Engine.Tests.Analysis;

/// <summary>An in-memory <see cref="IAnalyzedCommitCache"/> keyed like the real one: (fingerprint, sha); summaries by their exact list of shas.</summary>
internal sealed class MemoryAnalyzedCommitCache : IAnalyzedCommitCache
{
    private readonly Dictionary<(string Fingerprint, string Sha), AnalyzedCommit> _facts = [];
    private readonly List<(string Fingerprint, string[] Shas, AnalysisSummary Summary)> _summaries = [];

    /// <summary>How many commits were analyzed and handed to the cache so far.</summary>
    public int Stored { get; private set; }

    /// <summary>How many times a remembered summary was found for a list.</summary>
    public int SummariesFound { get; private set; }

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

    public bool TryFindSummary(IReadOnlyList<CommitInfo> commits, string fingerprint, out int start, out AnalysisSummary summary)
    {
        for (var e = _summaries.Count - 1; e >= 0; e--)
        {
            var (print, shas, remembered) = _summaries[e];
            var from = commits.Count - shas.Length;
            if (print != fingerprint || from < 0 || !shas.Select((sha, k) => commits[from + k].Sha == sha).All(same => same)) continue;
            start = from;
            summary = remembered;
            SummariesFound++;
            return true;
        }
        start = 0;
        summary = AnalysisSummary.Empty;
        return false;
    }

    public void StoreSummary(IReadOnlyList<CommitInfo> commits, string fingerprint, AnalysisSummary summary) =>
        _summaries.Add((fingerprint, commits.Select(c => c.Sha).ToArray(), summary));
}
