using Release.Sdk.Engine.History;

namespace Release.Sdk.Engine.Analysis;

/// <summary>
/// The engine's port on a persistent cache of analyzed commits, keyed by the analyzer options' fingerprint
/// (<see cref="AnalyzerFingerprint"/>) and the commit's sha, so a computation after a new commit analyzes only the
/// new commits. Release.Sdk.Git keeps it beside its commit cache; without one every commit is analyzed.
/// </summary>
internal interface IAnalyzedCommitCache
{
    /// <summary>Copies the cached facts of each of <paramref name="commits"/> it knows into <paramref name="facts"/> (same order).</summary>
    /// <returns>Which of <paramref name="commits"/> were known.</returns>
    bool[] Lookup(IReadOnlyList<CommitInfo> commits, string fingerprint, AnalyzedCommit[] facts);

    /// <summary>Remembers the facts of <c>commits[positions[k]]</c> computed under <paramref name="fingerprint"/>.</summary>
    void Store(IReadOnlyList<CommitInfo> commits, string fingerprint, IReadOnlyList<int> positions, IReadOnlyList<AnalyzedCommit> facts);

    /// <summary>
    /// Finds a summary given to <see cref="StoreSummary"/> for a list that is exactly the older part of
    /// <paramref name="commits"/>, <c>commits[start..]</c> (the same commits in the same order).
    /// </summary>
    bool TryFindSummary(IReadOnlyList<CommitInfo> commits, string fingerprint, out int start, out AnalysisSummary summary);

    /// <summary>Remembers the summary of the whole of <paramref name="commits"/> under <paramref name="fingerprint"/>.</summary>
    void StoreSummary(IReadOnlyList<CommitInfo> commits, string fingerprint, AnalysisSummary summary);
}
