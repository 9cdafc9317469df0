using LibGit2Sharp;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.History;
using Release.Sdk.Git.History;
using Release.Sdk.Git.History.Packs;

namespace Release.Sdk.Git;

/// <summary>
/// The engine's view of a git repository, read through libgit2 and cached: commit facts in a <see cref="CommitStore"/>
/// (in memory per process and in <c>.git/release-sdk/</c> across processes), refs in a <see cref="RepositorySnapshot"/>
/// reused while no ref changes. libgit2 is opened only when something is not cached. Failures of git surface as
/// <see cref="ReleaseException"/> RSDK2004.
/// </summary>
internal sealed partial class GitRepositoryHistory : IRepositoryHistory, IDisposable
{
    private readonly GitDirectories _directories;
    private readonly CommitStore _store;
    private readonly IReadOnlySet<ObjectKey> _shallowBoundary;
    private readonly RepositorySnapshot _snapshot;
    private readonly bool _useGitCli;
    private bool _storeWasOnDisk;
    private BackgroundStoreSave? _backgroundSave;
    private Repository? _repository;
    private StoreAnalyzedCommitCache? _analyzedCommits;
    private HistoryListing? _headListing;
    private RecentDetails? _recentDetails;

    private GitRepositoryHistory(GitDirectories directories, CommitStore store, IReadOnlySet<ObjectKey> shallowBoundary,
        bool useGitCli, HistoryListing? headListing, Func<GitRepositoryHistory, RepositorySnapshot> snapshot)
    {
        _directories = directories;
        _useGitCli = useGitCli;
        _storeWasOnDisk = store.IsPersisted;
        _store = store;
        _shallowBoundary = shallowBoundary;
        _headListing = headListing;
        _snapshot = snapshot(this);
    }

    /// <summary>Finds the repository containing <paramref name="startDirectory"/> (worktrees and submodules included).</summary>
    /// <returns>null when the directory is not inside a git repository.</returns>
    public static GitRepositoryHistory? Open(string startDirectory) => Open(startDirectory, useGitCli: true);

    /// <param name="useGitCli">Whether a first walk over a whole history may use <c>git rev-list</c> (tests turn it off
    /// to exercise the libgit2 path alone).</param>
    /// <param name="listHeadEarly">Whether a first build starts listing HEAD's history at once; off for callers that read
    /// whole histories with their messages through the batched members (changelog regeneration).</param>
    internal static GitRepositoryHistory? Open(string startDirectory, bool useGitCli, bool listHeadEarly = true)
    {
        var start = Path.GetFullPath(startDirectory);
        if (!Directory.Exists(start)) return null;
        var found = RepositoryDiscovery.TryFind(start);
        string? discovered = found?.GitDirectory;
        if (discovered is null)
        {
            try { discovered = LibGit2Sharp.Repository.Discover(start); }
            catch (LibGit2SharpException e) { throw Unreadable(start, e); }
        }
        if (discovered is null) return null;

        var directories = GitDirectories.From(discovered);
        try
        {
            var store = HistoryCaches.StoreFor(directories, directories.ShallowFingerprint());
            // A first build is about to walk a large history: its code is compiled meanwhile on the other core (a few
            // thousand commits are walked before that would pay).
            if (useGitCli && listHeadEarly && store.Count == 0 && PackedObjects.PacksExceed(directories.CommonDirectory, WarmUpPackBytes))
                PackedHistory.StartWarmUp();
            // A new process has no snapshot to compare with: read the ref files at once, and take the fingerprint from
            // that one pass instead of a second pass over a thousand tag files.
            var files = HistoryCaches.HasSnapshot(directories.GitDirectory) ? null : RefFiles.TryRead(directories.CommonDirectory);
            // A first build in a large repository spends most of its time in git's walk of the whole history: start it
            // now, in two halves on two cores, and read refs and configuration (and JIT the engine) meanwhile.
            var boundary = directories.ReadShallowBoundary();
            var tagTargets = files?.TagTargets() ?? [];
            // git's commit-graph file gives the whole history's shape for nothing, and then only the messages since the
            // last tag are read. Without any tag every message is needed: the listing reads them with the shape in
            // one pass on two cores, which beats the graph plus reading 100k messages one by one (1.0 s against 0.5 s).
            var useListing = !File.Exists(CommitGraphFile.PathFor(directories.CommonDirectory)) || (files is not null && tagTargets.Count == 0);
            var headListing = useGitCli && listHeadEarly && store.Count == 0 && useListing
                ? HistoryListing.Start(directories.GitDirectory, tagTargets, files?.Head(directories.GitDirectory), directories, boundary)
                : null;
            // A listing with every message (no tags) is imported whole: its room is taken now, before the walk fills the heap.
            if (headListing is { HasDetails: true, Sample: { EstimatedCommits: >= LargeFirstListing } sample })
                store.Reserve(sample.EstimatedCommits + sample.EstimatedCommits / 8, sample.EstimatedObjectBytes);
            var fingerprint = directories.RefsFingerprint(files?.LooseStamps);
            var history = new GitRepositoryHistory(directories, store, boundary, useGitCli, headListing,
                h => HistoryCaches.SnapshotFor(directories.GitDirectory, fingerprint) ?? h.ReadSnapshot(fingerprint, files, found?.WorkingDirectory));
            // Reading packs directly, the messages needed later are read the same way (LoadDetails); otherwise git
            // reads ahead the ones it will most likely need.
            if (headListing is { HasDetails: false, ReadsPacks: false } && files is not null && ObjectKey.TryParse(history.State.HeadSha, out var head))
                history._recentDetails = RecentDetails.Start(directories.GitDirectory, head, tagTargets.Select(t => t.Target));
            history.SaveIfDirty();
            return history;
        }
        catch (LibGit2SharpException e) { throw Unreadable(directories.GitDirectory, e); }
        catch (IOException e) { throw Unreadable(directories.GitDirectory, e); }
    }

    public RepositoryState State => _snapshot.State;

    public IReadOnlyList<GitBranch> Branches => _snapshot.Branches;

    public IReadOnlyList<GitTag> Tags => Guarded(() => _snapshot.Tags);

    public IAnalyzedCommitCache AnalyzedCommits => _analyzedCommits ??= new StoreAnalyzedCommitCache(_store, _directories.CommonDirectory);

    /// <summary>How many commit objects this instance had to read through libgit2 (the rest came from the caches).</summary>
    public int CommitsReadFromGit { get; private set; }

    /// <summary>How many commits this instance took from <c>git rev-list</c> on a first walk (parents and times only).</summary>
    public int CommitsListedByGitCli { get; private set; }

    /// <summary>How many commit messages this instance read in bulk with <c>git cat-file --batch</c>.</summary>
    public int CommitsReadByGitCli { get; private set; }

    /// <summary>Whether this instance had to open the repository with libgit2 at all.</summary>
    public bool OpenedLibGit2 => _repository is not null;

    public IReadOnlySet<string> TagsReachableFrom(string commitSha) =>
        _snapshot.ReachableTags.GetOrAdd(commitSha, sha => Guarded(() =>
        {
            // No tag can be reachable when there is none: no need to read or walk a history for that.
            if (Tags.Count == 0) return (IReadOnlySet<string>)new HashSet<string>(StringComparer.Ordinal);
            var head = Ensure(sha);
            if (head < 0) return (IReadOnlySet<string>)new HashSet<string>(StringComparer.Ordinal);
            lock (_store)
            {
                // The store now holds every ancestor of head, so a tag whose commit it lacks cannot be reachable.
                var tagged = StoredTags();
                var targets = DistinctIndices(tagged);
                var reachable = CommitWalker.ReachableTargets(_store, head, targets, _store.Memos);
                var answers = new bool[targets.Length];
                for (var i = 0; i < targets.Length; i++) answers[i] = reachable.Contains(targets[i]);
                _store.Remember(new ReachabilityMemo(head, targets, answers));
                return tagged.Where(t => reachable.Contains(t.Index)).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
            }
        }));

    /// <summary>The tags whose commit the store holds, with its index (callers hold the store's lock).</summary>
    /// <remarks>Once the store holds every ancestor of a head, a tag whose commit it lacks cannot be reachable from it.</remarks>
    /// <remarks>Loops and a record rather than LINQ over (name, index) tuples: it runs in every build after a commit,
    /// and ReadyToRun images cannot hold framework generic code over tuples (see decisions.md).</remarks>
    private List<StoredTag> StoredTags()
    {
        var stored = new List<StoredTag>();
        foreach (var tag in Tags)
        {
            if (ObjectKey.TryParse(tag.CommitSha, out var id) && _store.TryGetIndex(id, out var index)) stored.Add(new StoredTag(tag.Name, index));
        }
        return stored;
    }

    private sealed record StoredTag(string Name, int Index);

    /// <summary>The tags' commit indices, ascending and distinct.</summary>
    private static int[] DistinctIndices(List<StoredTag> tags)
    {
        var indices = new int[tags.Count];
        for (var i = 0; i < indices.Length; i++) indices[i] = tags[i].Index;
        Array.Sort(indices);
        var distinct = 0;
        for (var i = 0; i < indices.Length; i++)
        {
            if (distinct == 0 || indices[distinct - 1] != indices[i]) indices[distinct++] = indices[i];
        }
        Array.Resize(ref indices, distinct);
        return indices;
    }

    public IReadOnlyList<CommitInfo> CommitsSince(string headSha, IReadOnlyCollection<string> excludeShas) =>
        _snapshot.CommitsSince.GetOrAdd(WalkKey(headSha, excludeShas), _ => Guarded(() =>
        {
            var (head, excluded) = Resolve(headSha, excludeShas);
            lock (_store)
            {
                var since = CommitWalker.Since(_store, head, excluded);
                LoadDetails(since);
                return (IReadOnlyList<CommitInfo>)new CommitInfoList(_store, since);
            }
        }));

    public bool WalkHitsShallowBoundary(string headSha, IReadOnlyCollection<string> excludeShas)
    {
        if (_shallowBoundary.Count == 0) return false;
        return _snapshot.HitsShallowBoundary.GetOrAdd(WalkKey(headSha, excludeShas), _ => Guarded(() =>
        {
            var (head, excluded) = Resolve(headSha, excludeShas);
            lock (_store)
            {
                return CommitWalker.Since(_store, head, excluded)
                    .Any(i => _store[i].HasMissingParents || _shallowBoundary.Contains(_store[i].Id));
            }
        }));
    }

    public void Dispose()
    {
        SaveIfDirty(done: true);
        _headListing?.Dispose();
        _headListing = null;
        _repository?.Dispose();
        _repository = null;
    }

    /// <summary>The history git listed from HEAD in the background since Open (null when none was started or git failed).</summary>
    /// <remarks>If HEAD moved meanwhile, the commit asked for may be missing from it; the caller then reads the rest itself.</remarks>
    /// <param name="hasDetails">Whether the commits came with their details (the listing of a history without tags).</param>
    private List<RawCommit>? TakeHeadListing(out bool hasDetails)
    {
        var listing = _headListing;
        _headListing = null;
        hasDetails = listing?.HasDetails ?? false;
        if (listing is null) return null;
        using (listing) return listing.Result();
    }

    /// <param name="workingDirectory">Where <see cref="RepositoryDiscovery"/> found the working tree; null when libgit2 found the repository.</param>
    private RepositorySnapshot ReadSnapshot(string fingerprint, RefFiles? files, string? workingDirectory)
    {
        files ??= RefFiles.TryRead(_directories.CommonDirectory);
        var state = (workingDirectory is not null && files is not null ? StateFromFiles(files, workingDirectory) : null) ?? StateFromLibGit2();
        var branches = files is null ? RefReader.ReadBranches(LibGit2()) : RefReader.ReadBranches(files);
        RepositorySnapshot? snapshot = null;
        snapshot = new RepositorySnapshot(fingerprint, state, branches, () =>
        {
            // Peeling a thousand tags through libgit2 costs tens of milliseconds; once the first build's listing of
            // HEAD's history is in the store, the tags on that history are known commits and need no lookup.
            ImportHeadListing();
            var tags = files is null ? RefReader.ReadTags(LibGit2(), _store) : RefReader.ReadTags(files, LibGit2, _store);
            // Only a complete snapshot is shared with later opens (this instance's libgit2 handle dies with it).
            HistoryCaches.Remember(_directories.GitDirectory, snapshot!);
            return tags;
        });
        return snapshot;
    }

    internal RepositoryState StateFromLibGit2()
    {
        var repository = LibGit2();
        var info = repository.Info;
        // Not Head.Tip: a missing HEAD commit must surface as unreadable (RSDK2004) later, not look like an empty repository.
        var headSha = info.IsHeadUnborn ? null : repository.Head.Reference.ResolveToDirectReference()?.TargetIdentifier;
        return new RepositoryState(
            headSha,
            info.IsHeadDetached ? null : repository.Head.FriendlyName,
            info.IsShallow || _shallowBoundary.Count > 0,
            Path.TrimEndingDirectorySeparator(info.WorkingDirectory ?? _directories.GitDirectory),
            _directories.GitDirectory);
    }

    /// <summary>
    /// HEAD read from the files, as libgit2 would report it, so that a build after a commit need not load libgit2 at all;
    /// null for anything but a branch under <c>refs/heads/</c> or a detached commit (libgit2 then answers).
    /// </summary>
    internal RepositoryState? StateFromFiles(RefFiles files, string workingDirectory)
    {
        if (files.ReadHead(_directories.GitDirectory) is not { } head) return null;
        string? branch = null;
        if (head.RefName is { } name)
        {
            if (!name.StartsWith("refs/heads/", StringComparison.Ordinal) || files.IsSymbolic(name)) return null;
            branch = name["refs/heads/".Length..];
        }
        var shallow = _shallowBoundary.Count > 0 || new FileInfo(_directories.ShallowFile) is { Exists: true, Length: > 0 };
        return new RepositoryState(head.Sha, branch, shallow, workingDirectory, _directories.GitDirectory);
    }

    /// <summary>Puts the history git listed in the background since Open into the store, if there is one.</summary>
    private void ImportHeadListing()
    {
        lock (_store)
        {
            if (TakeHeadListing(out var hasDetails) is not { } listed) return;
            // Every listed message is analyzed next: the analysis loop is compiled meanwhile on the core the import leaves idle.
            if (hasDetails && listed.Count >= LargeFirstListing) PrepareBulkAnalysis();
            var fresh = _store.Count == 0 ? listed : listed.Where(c => !_store.TryGetIndex(c.Id, out _)).ToList();
            CommitsListedByGitCli += fresh.Count;
            _store.Add(fresh);
            // A large first listing with every detail is final as it stands: its file is written while the engine works.
            // (With tags, details of the commits since the last one are loaded later and the file waits for them.)
            if (hasDetails && !_storeWasOnDisk && _backgroundSave is null && fresh.Count >= LargeFirstListing)
                _backgroundSave = BackgroundStoreSave.Start(CommitStoreFile.PathFor(_directories.CommonDirectory), _store);
        }
    }

    private static void PrepareBulkAnalysis() =>
        Task.Factory.StartNew(() => CommitAnalyzer.PrepareBulkAnalysis(), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private (int Head, int[] Excluded) Resolve(string headSha, IReadOnlyCollection<string> excludeShas)
    {
        var head = Ensure(headSha);
        if (head < 0) throw new ReleaseException(DiagnosticCatalog.RepositoryUnreadable,
            $"Commit {headSha} was not found in the git repository at {_directories.GitDirectory}.");
        var excluded = excludeShas.Select(Ensure).Where(i => i >= 0).ToArray();
        return (head, excluded);
    }

    /// <summary>The store index of a commit, reading it and its unknown ancestors from git first; -1 when it is no commit.</summary>
    private int Ensure(string sha)
    {
        if (!ObjectKey.TryParse(sha, out var id)) return -1;
        lock (_store)
        {
            if (_store.TryGetIndex(id, out var index)) return index;
            // A listing started at open (when there is one) first: it may carry the messages the graph has not.
            ImportHeadListing();
            if (_store.TryGetIndex(id, out index)) return index;
            ImportCommitGraph();
            if (_store.TryGetIndex(id, out index)) return index;
            if (_store.Count == 0 && _useGitCli && GitCliTopology.TryRead(_directories.GitDirectory, id) is { } listed)
            {
                CommitsListedByGitCli += listed.Count;
                _store.Add(listed);
                if (_store.TryGetIndex(id, out index)) return index;
            }
            var read = CommitReader.ReadMissing(LibGit2, _directories.CommonDirectory, id, _store, _shallowBoundary);
            CommitsReadFromGit += read.Count;
            _store.Add(read);
            return _store.TryGetIndex(id, out index) ? index : -1;
        }
    }

    /// <summary>Takes parents and times from git's commit-graph file, if there is one we have not merged yet.</summary>
    private void ImportCommitGraph()
    {
        // git itself ignores the commit-graph under grafts and replace refs; shallow clones never have one that fits.
        if (_shallowBoundary.Count > 0 || Directory.Exists(Path.Combine(_directories.CommonDirectory, "refs", "replace")) ||
            File.Exists(Path.Combine(_directories.CommonDirectory, "info", "grafts"))) return;
        var file = new FileInfo(CommitGraphFile.PathFor(_directories.CommonDirectory));
        if (!file.Exists) return;
        var stamp = $"{file.FullName}:{file.Length}:{file.LastWriteTimeUtc.Ticks}";
        if (_store.ImportedCommitGraph == stamp) return;
        _store.ImportedCommitGraph = stamp;
        var commits = CommitGraphFile.TryRead(file.FullName, id => _store.TryGetIndex(id, out _));
        if (commits is not null) _store.Add(commits);
    }

    /// <summary>The commits among <paramref name="indices"/> whose details are not stored yet.</summary>
    /// <remarks>A loop, not LINQ over an int array: that instantiation has no precompiled code and ran unoptimized over
    /// all 100k commits of a first build without tags (which has every detail already).</remarks>
    private int[] WithoutDetails(int[] indices)
    {
        var missing = new List<int>();
        foreach (var index in indices)
        {
            if (!_store.HasDetailsAt(index)) missing.Add(index);
        }
        return missing.Count == 0 ? [] : missing.ToArray();
    }

    /// <summary>From this many missing messages on, one <c>git cat-file --batch</c> beats reading them one by one.</summary>
    internal int BulkDetailsThreshold { get; set; } = 1000;

    private void LoadDetails(int[] indices)
    {
        var missing = WithoutDetails(indices);
        if (_recentDetails is not null && missing.Length > 0)
        {
            var read = _recentDetails.Result();
            foreach (var index in missing)
            {
                if (read.TryGetValue(_store[index].Id, out var details)) _store.SetDetails(index, details);
            }
            missing = WithoutDetails(missing);
        }
        if (missing.Length > 0 && PackedHistory.TryReadDetails(_directories.CommonDirectory, [.. missing.Select(i => _store[i].Id)]) is { } packed)
        {
            foreach (var index in missing)
                if (packed.TryGetValue(_store[index].Id, out var details)) _store.SetDetails(index, details);
            missing = [.. missing.Where(i => !_store[i].HasDetails)];
        }
        if (_useGitCli && missing.Length >= BulkDetailsThreshold
            && GitCliCommitReader.TryRead(_directories.GitDirectory, [.. missing.Select(i => _store[i].Id)]) is { } bulk)
        {
            foreach (var index in missing)
            {
                if (!bulk.TryGetValue(_store[index].Id, out var details)) continue;
                _store.SetDetails(index, details);
                CommitsReadByGitCli++;
            }
        }
        foreach (var index in missing)
        {
            if (_store[index].HasDetails) continue;
            var details = CommitReader.ReadDetails(LibGit2(), _store[index].Id)
                ?? throw new ReleaseException(DiagnosticCatalog.RepositoryUnreadable,
                    $"Commit {_store[index].Id} belongs to the history of {_directories.GitDirectory} but its object cannot be read.");
            CommitsReadFromGit++;
            _store.SetDetails(index, details);
        }
    }

    /// <summary>
    /// Rewriting a large file for each new commit would cost more than reading that commit again, so a file that
    /// existed when this instance opened is rewritten only when enough new facts piled up; until then each process
    /// re-reads the few new ones. A first build writes everything it learned once, when it is done (at
    /// <see cref="Dispose"/>): saving after each question would rewrite a 100k-commit file once per release tag in a
    /// changelog regeneration.
    /// </summary>
    /// <param name="done">When the history is disposed: then the analysis tables are written too, on a second thread
    /// while this one writes the store (a first build of 100k commits writes both, each taking tens of milliseconds).</param>
    private void SaveIfDirty(bool done = false)
    {
        if (_backgroundSave is { } writing)
        {
            // Until the background write is over, nothing else writes the file; at the end, it is waited for.
            if (!done && !writing.IsCompleted) return;
            writing.Wait();
        }
        lock (_store)
        {
            if (_backgroundSave is { } written)
            {
                _backgroundSave = null;
                if (written.Apply(_store)) _storeWasOnDisk = true;
            }
            var analysis = done && _analyzedCommits is { HasUnsaved: true } cache
                ? Task.Factory.StartNew(cache.SaveUnsavedLocked, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
                : null;
            try
            {
                var threshold = _storeWasOnDisk ? RewriteThreshold : done ? 1 : int.MaxValue;
                if (_store.UnsavedFacts >= threshold)
                    CommitStoreFile.TrySave(CommitStoreFile.PathFor(_directories.CommonDirectory), _store);
                else if (done && _storeWasOnDisk && _store.PersistedCount < _store.Count)
                    CommitJournalFile.TryAppend(CommitStoreFile.PathFor(_directories.CommonDirectory), _store);
            }
            finally
            {
                // Both only read the store, which this lock keeps anyone else from changing meanwhile.
                analysis?.Wait();
            }
        }
    }

    private const int RewriteThreshold = 200;

    /// <summary>Packs larger than this (~10k commits with their trees and blobs) get the walk's code compiled ahead.</summary>
    private const long WarmUpPackBytes = 4L << 20;

    /// <summary>
    /// From this many commits on, a first build's listing with every message (no tags) is handled as a bulk: the store's
    /// room is reserved before the walk, the analysis loop is compiled during the import, and the store file is written
    /// on a thread of its own. Below it, each of those costs more than it saves.
    /// </summary>
    private const int LargeFirstListing = 4096;

    private Repository LibGit2() => _repository ??= new Repository(_directories.GitDirectory);

    private T Guarded<T>(Func<T> action)
    {
        try
        {
            var result = action();
            SaveIfDirty();
            return result;
        }
        catch (LibGit2SharpException e) { throw Unreadable(_directories.GitDirectory, e); }
    }

    private static string WalkKey(string headSha, IReadOnlyCollection<string> excludeShas) =>
        headSha + "^" + string.Join(",", excludeShas.Order(StringComparer.Ordinal));

    private static ReleaseException Unreadable(string location, Exception e) =>
        new(DiagnosticCatalog.RepositoryUnreadable, $"The git repository at {location} could not be read: {e.Message}", e);
}
