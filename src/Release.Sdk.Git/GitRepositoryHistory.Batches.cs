using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.History;
using Release.Sdk.Git.History;

namespace Release.Sdk.Git;

/// <summary>
/// The many-questions-at-once members of <see cref="IRepositoryHistory"/>, for changelog regeneration: 200 release
/// tags over 20,000 commits. Asked one by one, each release would read its new commits through libgit2, walk the whole
/// ancestry of the releases before it and read its messages in small batches. Here the history of all the commits asked
/// about is read in one <c>git log</c> pass (parents and messages), reachability is answered from one
/// <see cref="DescendantMarks"/> pass, each walk only visits its own commits, and missing messages are read in one
/// bulk read. Answers equal the one-by-one members' (same sets, same lists in the same order).
/// </summary>
internal sealed partial class GitRepositoryHistory
{
    private DescendantMarks? _descendants;

    /// <summary>Below this many commits asked about, one git process: a second costs more than it saves on a short history.</summary>
    private const int MinimumStartsToSplit = 8;

    public IReadOnlyList<IReadOnlySet<string>> TagsReachableFromEach(IReadOnlyList<string> commitShas) => Guarded(() =>
    {
        if (Tags.Count == 0) return (IReadOnlyList<IReadOnlySet<string>>)[.. commitShas.Select(_ => new HashSet<string>(StringComparer.Ordinal))];
        lock (_store)
        {
            var heads = EnsureAll(commitShas);
            var marks = DescendantsFor(heads.Where(h => h >= 0));
            // Every head's history is in the store now, so a tag whose commit the store lacks is reachable from none.
            var tagged = StoredTags();
            return (IReadOnlyList<IReadOnlySet<string>>)[.. heads.Select(head => head < 0
                ? new HashSet<string>(StringComparer.Ordinal)
                : tagged.Where(t => marks.IsAncestorOf(t.Index, head)).Select(t => t.Name).ToHashSet(StringComparer.Ordinal))];
        }
    });

    public IReadOnlyList<IReadOnlyList<CommitInfo>> CommitsSinceEach(IReadOnlyList<CommitWalk> walks) => Guarded(() =>
    {
        lock (_store)
        {
            var heads = EnsureAll([.. walks.Select(w => w.HeadSha)]);
            var excluded = new int[walks.Count][];
            for (var i = 0; i < walks.Count; i++)
            {
                if (heads[i] < 0) throw new ReleaseException(DiagnosticCatalog.RepositoryUnreadable,
                    $"Commit {walks[i].HeadSha} was not found in the git repository at {_directories.GitDirectory}.");
                excluded[i] = [.. walks[i].ExcludeShas.Select(Ensure).Where(x => x >= 0)];
            }
            var marks = DescendantsFor(excluded.SelectMany(x => x));

            var results = new int[walks.Count][];
            var seen = new int[_store.Count];
            // The excluded ancestries come as a mask instead of walked: they form a closed set (an ancestor of an excluded
            // commit is excluded too), so the walk visits and orders exactly what CommitWalker.Since does.
            for (var i = 0; i < walks.Count; i++)
            {
                var mask = marks.MaskOf(excluded[i]);
                results[i] = CommitWalker.NewestFirst(_store, heads[i], c => marks.IsAncestorOfAny(c, mask), seen, walk: i + 1);
            }

            var inSomeWalk = new bool[_store.Count];
            LoadDetails([.. results.SelectMany(r => r).Where(c => !inSomeWalk[c] && (inSomeWalk[c] = true))]);
            return (IReadOnlyList<IReadOnlyList<CommitInfo>>)[.. results.Select(r => new CommitInfoList(_store, r))];
        }
    });

    /// <summary>The marks of the last batch when they cover <paramref name="marks"/> and the store has not grown since.</summary>
    private DescendantMarks DescendantsFor(IEnumerable<int> marks)
    {
        var wanted = marks.ToHashSet();
        if (_descendants is { } last && last.StoreCount == _store.Count && wanted.All(last.IsMark)) return last;
        return _descendants = DescendantMarks.Build(_store, wanted);
    }

    /// <summary>
    /// <see cref="Ensure"/> for many commits. Into an empty store (a first run), their whole histories are first read
    /// by one <see cref="GitCliLogReader"/> pass, messages included: libgit2 would read them commit by commit, several
    /// times slower. A store that has commits already is only completed the usual way, since git cannot be told which
    /// of the commits it would list the store has.
    /// </summary>
    private int[] EnsureAll(IReadOnlyList<string> shas)
    {
        if (_useGitCli && shas.Count > 1 && _store.Count == 0)
        {
            var ids = shas.Select(s => ObjectKey.TryParse(s, out var id) ? id : (ObjectKey?)null).OfType<ObjectKey>().Distinct().ToArray();
            // Releases come lowest first, so the middle one is about halfway down: two git processes, one per half.
            var read = ids.Length >= MinimumStartsToSplit
                ? GitCliLogReader.TryRead(_directories.GitDirectory, ids, ids[ids.Length / 2])
                : GitCliLogReader.TryRead(_directories.GitDirectory, ids, []);
            if (read is not null)
            {
                CommitsListedByGitCli += read.Count;
                CommitsReadByGitCli += read.Count(c => c.Details is not null);
                _store.Add(read);
            }
        }
        return [.. shas.Select(Ensure)];
    }
}
