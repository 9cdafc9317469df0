using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Release.Sdk.Git.History.Packs;

/// <summary>
/// A first build's walk over a whole history, reading pack files directly instead of asking <c>git rev-list</c>:
/// each commit is found through the pack index and only its header lines are inflated (the message is not needed to
/// walk). git inflates every commit whole and prints it as text for us to parse; this does about a fifth of that
/// work per commit. Commits made since the last repack are loose and read by <see cref="LooseCommitReader"/>.
/// Whatever is unusual (a missing object, a corrupt pack, alternates, SHA-256) gives null, and the caller lists the
/// history with git as before: the result, when there is one, is exactly <c>git rev-list &lt;starts&gt;</c>'s set.
/// </summary>
internal static partial class PackedHistory
{
    // Enough for a commit's tree, a few parents, author and committer lines; longer headers are read whole.
    private const int HeaderBytes = 512;

    /// <summary>Every commit reachable from <paramref name="starts"/>, with parents and committer times.</summary>
    /// <param name="withDetails">Whether to read messages and authors too (the whole object).</param>
    /// <returns>null when some commit could not be read this way.</returns>
    public static List<RawCommit>? TryRead(string commonGitDirectory, IReadOnlyList<ObjectKey> starts, IReadOnlySet<ObjectKey> shallowBoundary,
        bool withDetails)
    {
        using var objects = PackedObjects.TryOpen(commonGitDirectory);
        return objects is null ? null : TryRead(objects, commonGitDirectory, starts, shallowBoundary, withDetails,
            starts.Count == 1 ? TrySample(objects)?.Middle : null);
    }

    /// <summary><see cref="PackedObjects.SampleCommits"/>, or null when the packs cannot be sampled (the walk then finds out why).</summary>
    public static CommitSample? TrySample(PackedObjects objects)
    {
        try
        {
            return objects.SampleCommits();
        }
        catch (Exception e) when (e is InvalidDataException or IndexOutOfRangeException or ArgumentOutOfRangeException or IOException)
        {
            return null;
        }
    }

    /// <summary>One walk from <paramref name="start"/> helped by a second from <paramref name="helperStart"/> (for tests: any commit).</summary>
    internal static List<RawCommit>? TryReadHelped(string commonGitDirectory, ObjectKey start, ObjectKey helperStart, IReadOnlySet<ObjectKey> shallowBoundary,
        bool withDetails)
    {
        using var objects = PackedObjects.TryOpen(commonGitDirectory);
        return objects is null ? null : TryRead(objects, commonGitDirectory, [start], shallowBoundary, withDetails, helperStart);
    }

    /// <remarks>With more than one start, the walks from each run in parallel and share what they have claimed: on two
    /// cores, a walk from HEAD and one from a tag halfway down take about half as long as one walk. With one start (no
    /// tags), the second walk starts from a commit the pack places halfway down (<see cref="PackedObjects.SampleCommits"/>).</remarks>
    /// <param name="helperStart">With a single start, where a second walk starts (see <see cref="WalkWithHelper"/>).</param>
    internal static List<RawCommit>? TryRead(PackedObjects objects, string commonGitDirectory, IReadOnlyList<ObjectKey> starts,
        IReadOnlySet<ObjectKey> shallowBoundary, bool withDetails, ObjectKey? helperStart)
    {
        var claims = new Claims(objects.Count);
        if (starts.Count == 1 && helperStart is { } middle && middle != starts[0])
            return WalkWithHelper(objects, commonGitDirectory, starts[0], middle, shallowBoundary, withDetails, claims);
        if (starts.Count <= 1) return Walk(objects, commonGitDirectory, starts, shallowBoundary, withDetails, claims, parallelWalks: false);
        var parts = starts.Select(s => Task.Factory.StartNew(() => Walk(objects, commonGitDirectory, [s], shallowBoundary, withDetails, claims, parallelWalks: true),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        var results = parts.Select(p => p.Result).ToArray();
        if (results.Any(r => r is null)) return null;
        var all = new List<RawCommit>(results.Sum(r => r!.Count));
        foreach (var r in results) all.AddRange(r!);
        return all;
    }

    /// <summary>
    /// The walk from <paramref name="start"/> with a second walk from <paramref name="middle"/>, a guess at a commit
    /// halfway down. When the first walk meets the second's start, that start is an ancestor and the two walks read
    /// exactly the ancestors of <paramref name="start"/>; when it never does (the guess lies off this history), the
    /// second walk's commits that are no ancestors are dropped.
    /// </summary>
    private static List<RawCommit>? WalkWithHelper(PackedObjects objects, string commonGitDirectory, ObjectKey start, ObjectKey middle,
        IReadOnlySet<ObjectKey> shallowBoundary, bool withDetails, Claims claims)
    {
        var helper = Task.Factory.StartNew(() => Walk(objects, commonGitDirectory, [middle], shallowBoundary, withDetails, claims, parallelWalks: true),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var met = new StrongBox<bool>();
        var upper = Walk(objects, commonGitDirectory, [start], shallowBoundary, withDetails, claims, parallelWalks: true, middle, met);
        var lower = helper.Result;
        if (upper is null || lower is null) return null;
        upper.AddRange(lower);
        return met.Value ? upper : AncestorsOf(start, upper);
    }

    /// <summary><paramref name="start"/> and its ancestors among <paramref name="commits"/> (which hold all of them).</summary>
    private static List<RawCommit> AncestorsOf(ObjectKey start, List<RawCommit> commits)
    {
        var byId = new Dictionary<ObjectKey, RawCommit>(commits.Count);
        foreach (var c in commits) byId[c.Id] = c;
        var result = new List<RawCommit>();
        var seen = new HashSet<ObjectKey> { start };
        var pending = new Stack<ObjectKey>();
        pending.Push(start);
        while (pending.Count > 0)
        {
            if (!byId.TryGetValue(pending.Pop(), out var commit)) continue;
            result.Add(commit);
            foreach (var parent in commit.Parents)
            {
                if (seen.Add(parent)) pending.Push(parent);
            }
        }
        return result;
    }

    /// <summary>Which commits some walk has taken on: packed ones by their position, loose ones by id.</summary>
    private sealed class Claims(int packed)
    {
        private readonly byte[] _packed = new byte[packed];
        private readonly HashSet<ObjectKey> _loose = [];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: full JIT at once, not ReadyToRun code (see class remarks)
        public bool Claim(int position, ObjectKey id)
        {
            if (position >= 0) return Interlocked.Exchange(ref _packed[position], 1) == 0;
            lock (_loose) return _loose.Add(id);
        }
    }

    private readonly record struct Pending(ObjectKey Id, PackFile? Pack, long Offset);

    /// <summary>
    /// Parses the messages of commits a walk reads whole, on a thread of its own: without tags a first build needs every
    /// message, and decoding 100k of them (strings, authors, times) costs as much again as inflating them.
    /// </summary>
    /// <remarks>Commits are handed over in batches: one hand-off per commit kept both threads busy on the queue's lock
    /// (a profile of 100k commits showed more time in the walk's <c>Add</c> than in inflating).</remarks>
    private sealed class DetailsParser : IDisposable
    {
        private const int BatchSize = 512;
        private readonly BlockingCollection<(int First, byte[][] Contents, int Count)> _queue = new(boundedCapacity: 64);
        private readonly List<CommitDetails?> _parsed = [];
        private readonly Task _parsing;
        private byte[][] _batch = new byte[BatchSize][];
        private int _batchFirst;
        private int _batchCount;

        public DetailsParser() => _parsing = Task.Factory.StartNew(Parse, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        /// <param name="index">The commit's position in the walk's list; posts come in increasing order.</param>
        public void Post(int index, byte[] content)
        {
            if (_batchCount > 0 && (_batchCount == BatchSize || index != _batchFirst + _batchCount)) Flush();
            if (_batchCount == 0) _batchFirst = index;
            _batch[_batchCount++] = content;
        }

        private void Flush()
        {
            if (_batchCount == 0) return;
            _queue.Add((_batchFirst, _batch, _batchCount));
            _batch = new byte[BatchSize][];
            _batchCount = 0;
        }

        private void Parse()
        {
            var authors = new GitCliCommitReader.Authors();
            var messages = new Utf8Arena();
            foreach (var (first, contents, count) in _queue.GetConsumingEnumerable())
            {
                while (_parsed.Count < first + count) _parsed.Add(null);
                for (var k = 0; k < count; k++) _parsed[first + k] = GitCliCommitReader.ParseCommit(contents[k], authors, messages);
            }
        }

        /// <returns>The commits with their details; null when a message could not be parsed.</returns>
        public List<RawCommit>? AddTo(List<RawCommit> read)
        {
            Flush();
            _queue.CompleteAdding();
            _parsing.Wait();
            for (var i = 0; i < read.Count; i++)
            {
                if (read[i].Details is not null) continue;
                if (i >= _parsed.Count || _parsed[i] is not { } details) return null;
                read[i] = read[i] with { Details = details };
            }
            return read;
        }

        public void Dispose()
        {
            // A walk that gave up leaves the parser waiting for more: end it.
            _queue.CompleteAdding();
            try { _parsing.Wait(); }
            catch (AggregateException) { }
            _queue.Dispose();
        }
    }

    // The walk's collections (this stack, CommitHeader.Parents) are written out instead of Stack<Pending> and
    // List<ObjectKey>: ReadyToRun images cannot hold code for the framework's generic collections over our own structs,
    // so those start as unoptimized JIT code and are promoted only once the process has been quiet for a moment, which
    // a build's startup never is.

    /// <summary>Commits found and not read yet.</summary>
    private sealed class PendingStack
    {
        private Pending[] _items = new Pending[64];

        public int Count { get; private set; }

        public void Push(Pending item)
        {
            if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
            _items[Count++] = item;
        }

        public Pending Pop() => _items[--Count];
    }


    /// <param name="parallelWalks">Whether another walk runs at the same time: then both cores are taken, and this walk
    /// parses messages itself (a parser thread per walk only spun waiting for the cores, slowing both walks).</param>
    /// <param name="watched">A commit another walk started from; <paramref name="met"/> is set when this walk reaches it.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: full JIT at once, not ReadyToRun code (see class remarks)
    private static List<RawCommit>? Walk(PackedObjects objects, string commonGitDirectory, IReadOnlyList<ObjectKey> starts,
        IReadOnlySet<ObjectKey> shallowBoundary, bool withDetails, Claims claims, bool parallelWalks, ObjectKey? watched = null,
        StrongBox<bool>? met = null)
    {
        var inflater = new Inflater();
        var buffer = new byte[HeaderBytes];
        var parents = new CommitHeader.Parents();
        var read = new List<RawCommit>();
        var pending = new PendingStack();
        using var messages = withDetails && !parallelWalks ? new DetailsParser() : null;
        var authors = withDetails && parallelWalks ? new GitCliCommitReader.Authors() : null;
        var kept = withDetails && parallelWalks ? new Utf8Arena() : null;
        // Null when empty (the usual case): no set is asked per commit.
        var boundary = shallowBoundary.Count > 0 ? shallowBoundary : null;
        try
        {
            foreach (var start in starts)
            {
                if (Peel(objects, start, inflater) is not { } commit) return null;
                Discover(commit);
            }
            while (pending.Count > 0)
            {
                var (id, pack, offset) = pending.Pop();
                ReadOnlySpan<byte> whole = default;
                var commit = pack is not null
                    ? ReadPacked(objects, pack, offset, id, inflater, ref buffer, parents, boundary, withDetails, authors, kept, out whole)
                    : LooseCommitReader.TryRead(commonGitDirectory, id, shallowBoundary);
                if (commit is null) return null;
                for (var i = 0; i < commit.Parents.Length; i++) Discover(commit.Parents[i]);
                if (pack is not null && withDetails && authors is null) messages!.Post(read.Count, whole.ToArray());
                read.Add(commit);
            }
            return messages is null ? read : messages.AddTo(read);
        }
        catch (Exception e) when (e is InvalidDataException or IndexOutOfRangeException or ArgumentOutOfRangeException or IOException)
        {
            return null;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: full JIT at once, not ReadyToRun code (see class remarks)
        void Discover(ObjectKey id)
        {
            var packed = objects.TryFind(id, out var pack, out var offset, out var position);
            if (claims.Claim(packed ? position : -1, id)) pending.Push(new Pending(id, packed ? pack : null, offset));
            else if (met is not null && id == watched) met.Value = true;
        }
    }

    /// <summary>The details (message, author, committer time) of commits, read from packs or loose objects.</summary>
    /// <returns>What could be read (possibly not all); null when the packs cannot be read this way at all.</returns>
    public static Dictionary<ObjectKey, CommitDetails>? TryReadDetails(string commonGitDirectory, IReadOnlyList<ObjectKey> ids)
    {
        using var objects = PackedObjects.TryOpen(commonGitDirectory);
        if (objects is null) return null;
        var inflater = new Inflater();
        var read = new Dictionary<ObjectKey, CommitDetails>(ids.Count);
        foreach (var id in ids)
        {
            try
            {
                var details = objects.TryFind(id, out var pack, out var offset)
                    ? objects.ReadObject(pack, offset, inflater, out var type) is var content && type == 1 ? GitCliCommitReader.ParseCommit(content) : null
                    : LooseCommitReader.TryRead(commonGitDirectory, id, EmptyBoundary)?.Details;
                if (details is not null) read[id] = details;
            }
            catch (Exception e) when (e is InvalidDataException or IndexOutOfRangeException or ArgumentOutOfRangeException or IOException)
            {
                // Left to the caller's other readers.
            }
        }
        return read;
    }

    private static readonly IReadOnlySet<ObjectKey> EmptyBoundary = new HashSet<ObjectKey>();

    /// <summary>The commit a start names, through annotated tags (as git peels a tag given to rev-list).</summary>
    private static ObjectKey? Peel(PackedObjects objects, ObjectKey id, Inflater inflater)
    {
        for (var depth = 0; depth < 16; depth++)
        {
            // Loose starts (a new commit, a new tag) are left to the walk and the loose reader.
            if (!objects.TryFind(id, out var pack, out var offset)) return id;
            var content = objects.ReadObject(pack, offset, inflater, out var type);
            if (type == 1) return id;
            if (type != 4 || !content.AsSpan().StartsWith("object "u8) || content.Length < 47 ||
                !ObjectKey.TryParseAscii(content.AsSpan(7, 40), out id)) return null;
        }
        return null;
    }

    /// <param name="buffer">Where the commit is inflated (replaced by a larger array when too small).</param>
    /// <param name="whole">With <paramref name="withDetails"/>, the whole commit (in <paramref name="buffer"/>), for its message.</param>
    /// <param name="authors">With <paramref name="messages"/>, where the details are parsed into right away (one walk of
    /// two); null when they are left to a <see cref="DetailsParser"/> or not wanted.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: full JIT at once, not ReadyToRun code (see class remarks)
    private static RawCommit? ReadPacked(PackedObjects objects, PackFile pack, long offset, ObjectKey id, Inflater inflater, scoped ref byte[] buffer,
        CommitHeader.Parents parents, IReadOnlySet<ObjectKey>? shallowBoundary, bool withDetails, GitCliCommitReader.Authors? authors,
        Utf8Arena? messages, out ReadOnlySpan<byte> whole)
    {
        DateTimeOffset committed;
        whole = default;
        if (withDetails)
        {
            whole = objects.ReadObject(pack, offset, inflater, ref buffer, out var type);
            if (type != 1 || !CommitHeader.TryParse(whole, parents, out committed)) return null;
        }
        else
        {
            var start = objects.ReadCommitStart(pack, offset, inflater, buffer, out var complete);
            if (start.IsEmpty) return null;
            if (!CommitHeader.TryParse(start, parents, out committed))
            {
                if (complete) return null;
                var longHeader = objects.ReadObject(pack, offset, inflater, out _);
                if (!CommitHeader.TryParse(longHeader, parents, out committed)) return null;
            }
        }
        // One walk of two parses the details itself, into the one record made per commit.
        CommitDetails? details = null;
        if (withDetails && authors is not null)
        {
            details = GitCliCommitReader.ParseCommit(whole, authors, messages);
            if (details is null) return null;
        }
        // git hides the parents of a shallow boundary commit; so do we (as every other reader here does).
        var parentIds = shallowBoundary is not null && shallowBoundary.Contains(id) ? [] : parents.ToArray();
        return new RawCommit(id, parentIds, committed, details);
    }
}
