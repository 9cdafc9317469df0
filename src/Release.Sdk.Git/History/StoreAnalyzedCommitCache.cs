using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.History;

namespace Release.Sdk.Git.History;

/// <summary>
/// The engine's <see cref="IAnalyzedCommitCache"/> over a <see cref="CommitStore"/>: tables in memory with the store
/// (one per analyzer fingerprint), on disk in <see cref="AnalyzedCommitFile"/>s. Commits of a walk over this store are
/// found by index; any other list by sha.
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
                if (IndexOf(commits, i) is var index and >= 0 && table[index] is { } f)
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
            var table = TableFor(fingerprint);
            for (var k = 0; k < positions.Count; k++)
            {
                if (IndexOf(commits, positions[k]) is not (var index and >= 0)) continue;
                table.Set(index, facts[k]);
                table.UnsavedFacts++;
            }
            if (table.UnsavedFacts >= (table.IsPersisted ? RewriteThreshold : 1))
                AnalyzedCommitFile.TrySave(AnalyzedCommitFile.PathFor(commonGitDirectory, fingerprint), table, store);
        }
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
