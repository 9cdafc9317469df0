using LibGit2Sharp;

namespace Release.Sdk.Git.History;

/// <summary>
/// Reads exactly the commits reachable from a start that the store does not hold yet: loose objects by hand
/// (<see cref="LooseCommitReader"/>), the rest through libgit2, which is opened only if needed.
/// </summary>
internal static class CommitReader
{
    /// <returns>The commits read (empty when <paramref name="start"/> is stored already or is not a commit).</returns>
    public static List<RawCommit> ReadMissing(Func<Repository> libGit2, string commonGitDirectory, ObjectKey start, CommitStore store,
        IReadOnlySet<ObjectKey> shallowBoundary)
    {
        var read = new List<RawCommit>();
        if (store.TryGetIndex(start, out _)) return read;
        var queued = new HashSet<ObjectKey> { start };
        var pending = new Stack<ObjectKey>();
        pending.Push(start);
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if ((LooseCommitReader.TryRead(commonGitDirectory, id, shallowBoundary) ?? ReadThroughLibGit2(libGit2(), id, shallowBoundary)) is not { } commit)
                continue;
            foreach (var parent in commit.Parents)
            {
                if (!store.TryGetIndex(parent, out _) && queued.Add(parent)) pending.Push(parent);
            }
            read.Add(commit);
        }
        return read;
    }

    private static RawCommit? ReadThroughLibGit2(Repository repository, ObjectKey id, IReadOnlySet<ObjectKey> shallowBoundary)
    {
        var commit = repository.Lookup<Commit>(new ObjectId(id.ToBytes()));
        if (commit is null) return null;
        // git hides the parents of a shallow boundary commit; so do we, whether or not libgit2 honours the grafts.
        var parents = shallowBoundary.Contains(id)
            ? []
            : commit.Parents.Select(p => ObjectKey.FromBytes(p.Id.RawId)).ToArray();
        var details = DetailsOf(commit);
        return new RawCommit(id, parents, details.CommitterDate, details);
    }

    /// <returns>null when the object is missing or is not a commit.</returns>
    public static CommitDetails? ReadDetails(Repository repository, ObjectKey id) =>
        repository.Lookup<Commit>(new ObjectId(id.ToBytes())) is { } commit ? DetailsOf(commit) : null;

    private static CommitDetails DetailsOf(Commit commit)
    {
        var author = commit.Author;
        return new CommitDetails(author.Name, author.Email, commit.Message, commit.Committer.When);
    }
}
