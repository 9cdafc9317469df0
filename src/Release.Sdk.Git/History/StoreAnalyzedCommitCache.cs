using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.History;

namespace Release.Sdk.Git.History;

/// <summary>
/// The engine's <see cref="IAnalyzedCommitCache"/> over a <see cref="CommitStore"/>: tables in memory with the store
/// (one per analyzer fingerprint), on disk in <see cref="AnalyzedCommitFile"/>s. Commits of a walk over this store are
/// found by index; any other list by sha. Summaries of whole lists are remembered too (<see cref="RememberedSummary"/>),
/// so the build after a commit reads neither the table nor the older commits.
/// </summary>
internal sealed class StoreAnalyzedCommitCache(CommitStore store, string commonGitDirectory) : IAnalyzedCommitCache
{
    // As for the commit cache: rewriting the file for each new commit would cost more than analyzing it again.
    private const int RewriteThreshold = 200;
    private const int MaxTablesInMemory = 4;

    public bool[] Lookup(IReadOnlyList<CommitInfo> commits, string fingerprint, AnalyzedCommit[] facts)
    {
        var known = new bool[commits.Count];
        lock (store)
        {
            var table = TableFor(fingerprint);
            if (table.Count == 0) return known;
            for (var i = 0; i < known.Length; i++)
            {
                if (IndexOf(commits, i) is var index and >= 0 && table.TryGet(index, out var f))
                {
                    facts[i] = f;
                    known[i] = true;
                }
            }
        }
        return known;
    }

    public void Store(IReadOnlyList<CommitInfo> commits, string fingerprint, IReadOnlyList<int> positions, IReadOnlyList<AnalyzedCommit> facts)
    {
        lock (store)
        {
            // Facts of commits analyzed on top of a remembered summary are left out unless the table is loaded anyway:
            // loading it costs more than analyzing those few commits again, which only a later revert would need.
            if (!store.AnalysisTables.ContainsKey(fingerprint) && positions.Count < RewriteThreshold
                && File.Exists(AnalyzedCommitFile.PathFor(commonGitDirectory, fingerprint))) return;
            var table = TableFor(fingerprint);
            // Read through an array: the interface's indexer over our struct has no precompiled code (100k calls).
            var computed = facts as AnalyzedCommit[] ?? [.. facts];
            for (var k = 0; k < computed.Length; k++)
            {
                if (IndexOf(commits, positions[k]) is not (var index and >= 0)) continue;
                table.Set(index, computed[k]);
                table.UnsavedFacts++;
            }
            // Written when the history is disposed (SaveUnsavedLocked), beside the commit store's own file, rather
            // than here in the middle of the engine's work.
            if (table.UnsavedFacts >= (table.IsPersisted ? RewriteThreshold : 1)) _unsaved.Add(table);
        }
    }

    private readonly HashSet<AnalyzedCommitTable> _unsaved = [];

    /// <summary>Whether <see cref="Store"/> left tables to write.</summary>
    public bool HasUnsaved
    {
        get { lock (store) return _unsaved.Count > 0; }
    }

    /// <summary>Writes the tables <see cref="Store"/> left to write. The caller holds the store's lock (the tables and
    /// the store are only read here, so this may run on another thread while the lock's owner saves the store).</summary>
    public void SaveUnsavedLocked()
    {
        foreach (var table in _unsaved)
        {
            if (table.UnsavedFacts > 0) AnalyzedCommitFile.TrySave(AnalyzedCommitFile.PathFor(commonGitDirectory, table.Fingerprint), table, store);
        }
        _unsaved.Clear();
    }

    public bool TryFindSummary(IReadOnlyList<CommitInfo> commits, string fingerprint, out int start, out AnalysisSummary summary)
    {
        start = 0;
        summary = AnalysisSummary.Empty;
        if (commits.Count == 0) return false;
        lock (store)
        {
            foreach (var remembered in SummariesFor(fingerprint))
            {
                start = commits.Count - remembered.Count;
                if (start < 0 || !TryIdAt(commits, start, out var newest) || newest != remembered.Newest) continue;
                if (SequenceHash(commits, start) != remembered.SequenceHash) continue;
                summary = remembered.Summary;
                return true;
            }
        }
        start = 0;
        return false;
    }

    public void StoreSummary(IReadOnlyList<CommitInfo> commits, string fingerprint, AnalysisSummary summary)
    {
        if (commits.Count == 0 || !TryIdAt(commits, 0, out var newest) || SequenceHash(commits, 0) is not { } hash) return;
        lock (store)
        {
            var summaries = SummariesFor(fingerprint);
            summaries.RemoveAll(s => s.Newest == newest);
            summaries.Insert(0, new RememberedSummary(newest, commits.Count, hash, summary));
            if (summaries.Count > RememberedSummary.MaxPerFingerprint) summaries.RemoveRange(RememberedSummary.MaxPerFingerprint, summaries.Count - RememberedSummary.MaxPerFingerprint);
            RememberedSummaryFile.TrySave(RememberedSummaryFile.PathFor(commonGitDirectory, fingerprint), fingerprint, summaries);
        }
    }

    private List<RememberedSummary> SummariesFor(string fingerprint)
    {
        if (store.RememberedSummaries.TryGetValue(fingerprint, out var summaries)) return summaries;
        summaries = RememberedSummaryFile.Load(RememberedSummaryFile.PathFor(commonGitDirectory, fingerprint), fingerprint);
        if (store.RememberedSummaries.Count >= MaxTablesInMemory) store.RememberedSummaries.Clear();
        return store.RememberedSummaries[fingerprint] = summaries;
    }

    /// <summary>The order-sensitive hash of the ids of <c>commits[start..]</c>; null when one is not a commit id.</summary>
    private ulong? SequenceHash(IReadOnlyList<CommitInfo> commits, int start)
    {
        var hash = RememberedSummary.Seed;
        if (commits is CommitInfoList list)
        {
            for (var i = start; i < list.Count; i++) hash = RememberedSummary.Mix(hash, list.IdAt(i));
            return hash;
        }
        for (var i = start; i < commits.Count; i++)
        {
            if (!ObjectKey.TryParse(commits[i].Sha, out var id)) return null;
            hash = RememberedSummary.Mix(hash, id);
        }
        return hash;
    }

    private static bool TryIdAt(IReadOnlyList<CommitInfo> commits, int position, out ObjectKey id)
    {
        if (commits is CommitInfoList list)
        {
            id = list.IdAt(position);
            return true;
        }
        return ObjectKey.TryParse(commits[position].Sha, out id);
    }

    private AnalyzedCommitTable TableFor(string fingerprint)
    {
        if (store.AnalysisTables.TryGetValue(fingerprint, out var table)) return table;
        table = AnalyzedCommitFile.TryLoad(AnalyzedCommitFile.PathFor(commonGitDirectory, fingerprint), fingerprint, store)
                ?? new AnalyzedCommitTable(fingerprint, store.Count);
        if (store.AnalysisTables.Count >= MaxTablesInMemory) store.AnalysisTables.Clear();
        store.AnalysisTables[fingerprint] = table;
        return table;
    }

    private int IndexOf(IReadOnlyList<CommitInfo> commits, int position)
    {
        if (commits is CommitInfoList list && ReferenceEquals(list.Store, store)) return list.StoreIndexAt(position);
        return ObjectKey.TryParse(commits[position].Sha, out var id) && store.TryGetIndex(id, out var index) ? index : -1;
    }
}
