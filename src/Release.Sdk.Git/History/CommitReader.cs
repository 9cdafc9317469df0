using LibGit2Sharp;

namespace Release.Sdk.Git.History;

/// <summary>Reads from libgit2 exactly the commits reachable from a start that the store does not hold yet.</summary>
internal static class CommitReader
{
    /// <returns>The commits read (empty when <paramref name="start"/> is stored already or is not a commit).</returns>
    public static List<RawCommit> ReadMissing(Repository repository, ObjectKey start, CommitStore store,
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
            var commit = repository.Lookup<Commit>(new ObjectId(id.ToBytes()));
            if (commit is null) continue;

            // git hides the parents of a shallow boundary commit; so do we, whether or not libgit2 honours the grafts.
            var parents = shallowBoundary.Contains(id)
                ? []
                : commit.Parents.Select(p => ObjectKey.FromBytes(p.Id.RawId)).ToArray();
            foreach (var parent in parents)
            {
                if (!store.TryGetIndex(parent, out _) && queued.Add(parent)) pending.Push(parent);
            }

            var details = DetailsOf(commit);
            read.Add(new RawCommit(id, parents, details.CommitterDate, details));
        }
        return read;
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
