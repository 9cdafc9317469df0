namespace Release.Sdk.Git.History;

/// <summary>
/// Process-wide caches, so a second build of the same repository in one MSBuild node (or IDE session) costs about a
/// millisecond: the commit store per common git directory, and the latest refs snapshot per git directory.
/// </summary>
internal static class HistoryCaches
{
    // A long-lived IDE or build node may visit many repositories; beyond this many we start over rather than grow.
    private const int MaxRepositories = 8;

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, CommitStore> Stores = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, RepositorySnapshot> Snapshots = new(StringComparer.Ordinal);

    /// <summary>The store for a repository: from memory, else from its cache file, else a new empty one.</summary>
    public static CommitStore StoreFor(GitDirectories directories, string shallowFingerprint)
    {
        lock (Gate)
        {
            if (Stores.TryGetValue(directories.CommonDirectory, out var cached) && cached.ShallowFingerprint == shallowFingerprint)
                return cached;
        }
        var path = CommitStoreFile.PathFor(directories.CommonDirectory);
        var store = CommitStoreFile.TryLoad(path, shallowFingerprint) ?? new CommitStore(shallowFingerprint);
        CommitJournalFile.Replay(path, store);
        lock (Gate)
        {
            if (Stores.TryGetValue(directories.CommonDirectory, out var raced) && raced.ShallowFingerprint == shallowFingerprint)
                return raced;
            if (Stores.Count >= MaxRepositories) Stores.Clear();
            Stores[directories.CommonDirectory] = store;
            return store;
        }
    }

    public static RepositorySnapshot? SnapshotFor(string gitDirectory, string fingerprint)
    {
        lock (Gate)
        {
            return Snapshots.TryGetValue(gitDirectory, out var s) && s.Fingerprint == fingerprint ? s : null;
        }
    }

    /// <summary>Whether this process holds a snapshot of the repository's refs at all (of any moment).</summary>
    public static bool HasSnapshot(string gitDirectory)
    {
        lock (Gate) return Snapshots.ContainsKey(gitDirectory);
    }

    public static void Remember(string gitDirectory, RepositorySnapshot snapshot)
    {
        lock (Gate)
        {
            if (Snapshots.Count >= MaxRepositories) Snapshots.Clear();
            Snapshots[gitDirectory] = snapshot;
        }
    }

    /// <summary>Forgets what is held in memory for one repository (tests use it to simulate a new build process).</summary>
    public static void Forget(GitDirectories directories)
    {
        lock (Gate)
        {
            Stores.Remove(directories.CommonDirectory);
            Snapshots.Remove(directories.GitDirectory);
        }
    }

    /// <summary>Forgets everything held in memory.</summary>
    public static void Clear()
    {
        lock (Gate)
        {
            Stores.Clear();
            Snapshots.Clear();
        }
    }
}
