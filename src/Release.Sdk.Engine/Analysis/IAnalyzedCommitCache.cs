using Release.Sdk.Engine.History;

namespace Release.Sdk.Engine.Analysis;

/// <summary>
/// The engine's port on a persistent cache of analyzed commits, keyed by the analyzer options' fingerprint
/// (<see cref="AnalyzerFingerprint"/>) and the commit's sha, so a computation after a new commit analyzes only the
/// new commits. Release.Sdk.Git keeps it beside its commit cache; without one every commit is analyzed.
/// </summary>
internal interface IAnalyzedCommitCache
{
    /// <returns>The cached facts of each of <paramref name="commits"/> (same order), null where unknown.</returns>
    AnalyzedCommit?[] Lookup(IReadOnlyList<CommitInfo> commits, string fingerprint);

    /// <summary>Remembers the facts of <c>commits[positions[k]]</c> computed under <paramref name="fingerprint"/>.</summary>
    void Store(IReadOnlyList<CommitInfo> commits, string fingerprint, IReadOnlyList<int> positions, IReadOnlyList<AnalyzedCommit> facts);
}
