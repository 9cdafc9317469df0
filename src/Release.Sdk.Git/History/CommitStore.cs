using System.Runtime.InteropServices;
using System.Text;

namespace Release.Sdk.Git.History;

/// <summary>
/// Facts about commits (parents, committer date, author, message) keyed by id, closed under ancestry: when a commit
/// is here, so are all of its parents that git could give us. Commits never change, so the store only grows and is
/// shared between builds (in memory and in <see cref="CommitStoreFile"/>); a later build reads only new commits.
/// Not thread-safe: callers lock the instance.
/// </summary>
internal sealed class CommitStore
{
    private readonly ObjectKeyIndex _index;
    private readonly CommitEntries _entries;
    private readonly List<int> _parents;
    private readonly List<string> _strings = [];
    private readonly Dictionary<string, int> _stringIndex = new(StringComparer.Ordinal);
    private byte[] _messages = new byte[4096];
    private int _messagesLength;
    private readonly Dictionary<ObjectKey, ObjectKey?> _peeledTags = [];
    private readonly List<ReachabilityMemo> _memos = [];

    /// <summary>
    /// How many reachability answers are kept (newest first). A build needs the one for the previous HEAD; a few more
    /// cover switching between branches; a changelog walks tag after tag, each stopping at the one before.
    /// </summary>
    internal const int MaxMemos = 16;

    /// <summary>
    /// Room left in the tables of a loaded store: the next build adds a few commits, and growing a 100k-entry
    /// dictionary by one would rehash all of it.
    /// </summary>
    internal const int GrowthReserve = 1024;

    public CommitStore(string shallowFingerprint) : this(shallowFingerprint, new CommitEntries(16), [])
    {
    }

    private CommitStore(string shallowFingerprint, CommitEntries entries, List<int> parents)
    {
        ShallowFingerprint = shallowFingerprint;
        _entries = entries;
        _parents = parents;
        _index = new ObjectKeyIndex(i => _entries[i].Id);
    }

    /// <summary>
    /// Makes room for about <paramref name="commits"/> more commits with <paramref name="messageBytes"/> of messages.
    /// A first build without tags reserves for its whole listing when the walk starts: the tables (~20 MB at 100k
    /// commits) are then taken from an almost empty heap. Allocated later by <see cref="Add(IReadOnlyList{RawCommit})"/>,
    /// they brought on a full collection of a heap holding the 100k commits just read (~13 ms of pause, and the
    /// collector's marking on both cores), and the collection budget that follows an early one leaves the rest of a
    /// first build without any. The message room is not cleared: what a listing does not fill of it is never touched.
    /// </summary>
    /// <remarks>The entry table and the id index are written once here (cleared): the first write to each fresh page
    /// of memory is a page fault (~2 µs on the VM this was measured on), and the import took ~2,000 of them one after
    /// another; here they are taken while the walk is only starting (a 100k-commit import went from ~32 to ~19 ms).
    /// The message room is left untouched: a guess from object sizes, and its faults did not show in the import.</remarks>
    public void Reserve(int commits, int messageBytes)
    {
        _entries.EnsureCapacity(_entries.Count + commits);
        _index.EnsureCapacity(_entries.Count + commits);
        _parents.EnsureCapacity(_parents.Count + commits);
        EnsureMessageRoom(messageBytes);
        MemoryMarshal.AsBytes(_entries.Items.AsSpan(_entries.Count)).Clear();
        if (_index.Count == 0) _index.Slots.AsSpan().Clear();
    }

    /// <summary>Identifies the shallow grafts the facts were read under: a deepened clone gives boundary commits parents.</summary>
    public string ShallowFingerprint { get; }

    /// <summary>True when facts were added since the store was loaded or saved.</summary>
    public bool IsDirty
    {
        get => UnsavedFacts > 0;
        set => UnsavedFacts = value ? Math.Max(1, UnsavedFacts) : 0;
    }

    /// <summary>How many facts (commits, details, peeled tags) were added since the store was loaded or saved.</summary>
    public int UnsavedFacts { get; private set; }

    /// <summary>Records that a store file now holds this store as it was when <paramref name="unsavedFacts"/> facts were unsaved.</summary>
    public void MarkSaved(StoreFileIdentity file, int unsavedFacts)
    {
        UnsavedFacts = Math.Max(0, UnsavedFacts - unsavedFacts);
        IsPersisted = true;
        FileIdentity = file;
        PersistedCount = file.CommitCount;
    }

    /// <summary>True when the store exists on disk (it was loaded from or saved to its file).</summary>
    public bool IsPersisted { get; set; }

    /// <summary>Which store file this store was loaded from or saved as; null when neither.</summary>
    public StoreFileIdentity? FileIdentity { get; set; }

    /// <summary>How many entries (the first ones) are on disk, in the store file or its journal (<see cref="CommitJournalFile"/>).</summary>
    public int PersistedCount { get; set; }

    public int Count => _entries.Count;

    /// <summary>Analyzed commits of this store by analyzer fingerprint (see <see cref="AnalyzedCommitTable"/>).</summary>
    public Dictionary<string, AnalyzedCommitTable> AnalysisTables { get; } = new(StringComparer.Ordinal);

    /// <summary>Summaries of recent lists by analyzer fingerprint, most recent first (see <see cref="RememberedSummary"/>).</summary>
    public Dictionary<string, List<RememberedSummary>> RememberedSummaries { get; } = new(StringComparer.Ordinal);

    /// <summary>Which commit-graph file (path, size, time) was merged in already, so it is read once per process.</summary>
    public string? ImportedCommitGraph { get; set; }

    public bool TryGetIndex(ObjectKey id, out int index) => _index.TryGetValue(id, out index);

    public CommitEntry this[int index] => _entries[index];

    /// <summary>Whether the commit's details are stored (without copying its entry).</summary>
    public bool HasDetailsAt(int index) => _entries.ItemRef(index).HasDetails;

    /// <summary>The id index's slot table, for <see cref="CommitStoreFile"/>.</summary>
    internal long[] IndexSlots => _index.Slots;

    public ReadOnlySpan<int> ParentsOf(int index)
    {
        var e = _entries[index];
        return CollectionsMarshal.AsSpan(_parents).Slice(e.ParentStart, e.ParentCount);
    }

    public string StringAt(int index) => _strings[index];

    public string MessageOf(in CommitEntry entry) => Encoding.UTF8.GetString(_messages, entry.MessageStart, entry.MessageLength);

    /// <summary>The buffer messages are stored in (entries point into it). Appending may replace it with a larger copy
    /// but never changes bytes already written, so a reference taken under the lock can be read after it.</summary>
    public byte[] MessageBuffer => _messages;

    /// <summary>An annotated tag object's peeled commit (null when it peels to something else), when known.</summary>
    public bool TryGetPeeledTag(ObjectKey tagObject, out ObjectKey? commit) => _peeledTags.TryGetValue(tagObject, out commit);

    public void AddPeeledTag(ObjectKey tagObject, ObjectKey? commit)
    {
        _peeledTags[tagObject] = commit;
        UnsavedFacts++;
    }

    /// <summary>Reachability answers, newest first (see <see cref="ReachabilityMemo"/>).</summary>
    public IReadOnlyList<ReachabilityMemo> Memos => _memos;

    /// <summary>Keeps an answer, replacing an older one for the same head, dropping the oldest beyond <see cref="MaxMemos"/>.</summary>
    public void Remember(ReachabilityMemo memo)
    {
        _memos.RemoveAll(m => m.Head == memo.Head);
        _memos.Insert(0, memo);
        if (_memos.Count > MaxMemos) _memos.RemoveRange(MaxMemos, _memos.Count - MaxMemos);
        UnsavedFacts++;
    }

    /// <summary>
    /// Adds commits read together; a parent must be in the store or in the same batch, else it is recorded as missing.
    /// Indices are assigned first and parents resolved after, so the batch may come in any order.
    /// </summary>
    public void Add(IReadOnlyList<RawCommit> batch)
    {
        if (batch.Count == 0) return;
        var first = _entries.Count;
        _entries.EnsureCapacity(first + batch.Count);
        _index.EnsureCapacity(first + batch.Count);
        _parents.EnsureCapacity(_parents.Count + batch.Count);
        // The room the messages take, counted in the same pass: a whole history's messages are grown into once,
        // not doubled a dozen times, and each commit object is visited once here instead of in a pass of its own.
        long messageBytes = 0;
        foreach (var c in batch)
        {
            // The key is needed in the entry before indexing (the index reads ids from the entries); the rest follows below.
            _entries.Add(new CommitEntry { Id = c.Id });
            if (!_index.TryAdd(c.Id, _entries.Count - 1)) throw new InvalidOperationException($"commit {c.Id} is already stored");
            if (c.Details is { } details) messageBytes += details.MessageByteCount;
        }
        EnsureMessageRoom((int)Math.Min(messageBytes, Array.MaxLength / 2));

        for (var i = 0; i < batch.Count; i++)
        {
            var c = batch[i];
            var parentStart = _parents.Count;
            var missing = false;
            foreach (var p in c.Parents)
            {
                // A walk lists a commit's first parent right after it, mostly: no hash probe (a cache miss) for that one.
                if (i + 1 < batch.Count && batch[i + 1].Id.Equals(p)) _parents.Add(first + i + 1);
                else if (_index.TryGetValue(p, out var pi)) _parents.Add(pi);
                else missing = true;
            }

            if (c.Details is null && _withoutDetails >= 0) _withoutDetails++;
            _entries[first + i] = c.Details is { } details
                ? WithDetails(c.Id, missing, parentStart, _parents.Count - parentStart, details)
                : new CommitEntry(c.Id, c.CommitterDate.ToUnixTimeSeconds(), (short)c.CommitterDate.Offset.TotalMinutes, missing,
                    parentStart, _parents.Count - parentStart, HasDetails: false, -1, -1, -1, -1);
        }
        UnsavedFacts += batch.Count;
    }

    /// <summary>Records the details of a commit that came without them (from the commit-graph file).</summary>
    public void SetDetails(int index, CommitDetails details)
    {
        if (!_entries.ItemRef(index).HasDetails && _withoutDetails > 0) _withoutDetails--;
        _entries[index] = WithDetails(_entries[index], details);
        UnsavedFacts++;
    }

    private CommitEntry WithDetails(CommitEntry entry, CommitDetails? details) =>
        details is null ? entry : WithDetails(entry.Id, entry.HasMissingParents, entry.ParentStart, entry.ParentCount, details);

    /// <summary>An entry with its details, made at once (a <c>with</c> on the large struct copied it a few times per commit).</summary>
    private CommitEntry WithDetails(ObjectKey id, bool hasMissingParents, int parentStart, int parentCount, CommitDetails details)
    {
        var (messageStart, messageLength) = AppendMessage(details);
        return new CommitEntry(id, details.CommitterDate.ToUnixTimeSeconds(), (short)details.CommitterDate.Offset.TotalMinutes,
            hasMissingParents, parentStart, parentCount, HasDetails: true, Intern(details.AuthorName), Intern(details.AuthorEmail),
            messageStart, messageLength);
    }

    // The last two strings interned (an author's name and email): readers hand consecutive commits of one author the
    // same string instances, so most commits need no hashing here.
    private (string? Value, int Index) _recent0, _recent1;

    private int Intern(string value)
    {
        if (ReferenceEquals(value, _recent0.Value)) return _recent0.Index;
        if (ReferenceEquals(value, _recent1.Value)) return _recent1.Index;
        _recent1 = _recent0;
        _recent0 = (value, InternSlow(value));
        return _recent0.Index;
    }

    private int InternSlow(string value)
    {
        if (_stringIndex.TryGetValue(value, out var i)) return i;
        _strings.Add(value);
        _stringIndex.Add(value, _strings.Count - 1);
        return _strings.Count - 1;
    }

    private (int Start, int Length) AppendMessage(CommitDetails details)
    {
        if (details.TryGetUtf8Message(out var utf8))
        {
            EnsureMessageRoom(utf8.Length);
            utf8.CopyTo(_messages.AsSpan(_messagesLength));
            _messagesLength += utf8.Length;
            return (_messagesLength - utf8.Length, utf8.Length);
        }
        var message = details.Message;
        EnsureMessageRoom(Encoding.UTF8.GetByteCount(message));
        var written = Encoding.UTF8.GetBytes(message, 0, message.Length, _messages, _messagesLength);
        _messagesLength += written;
        return (_messagesLength - written, written);
    }

    private void EnsureMessageRoom(int needed)
    {
        if (_messagesLength + needed <= _messages.Length) return;
        // Not cleared: only the first _messagesLength bytes are ever read.
        var grown = GC.AllocateUninitializedArray<byte>((int)Math.Min(Math.Max(_messages.Length * 2L, (long)_messagesLength + needed), Array.MaxLength));
        _messages.AsSpan(0, _messagesLength).CopyTo(grown);
        _messages = grown;
    }

    // --- raw access for CommitStoreFile ---

    internal CommitEntries Entries => _entries;

    // How many entries have no details yet; -1 when not counted (a store read from its file).
    private int _withoutDetails;

    /// <summary>
    /// True when every entry is known to have its details. Entries are then final: only an entry without details is
    /// ever rewritten (<see cref="SetDetails"/>), and appending past them or growing the table leaves them as they are.
    /// </summary>
    internal bool EntriesAreFinal => _withoutDetails == 0;

    internal List<int> ParentIndices => _parents;

    internal List<string> Strings => _strings;

    internal ReadOnlySpan<byte> MessageBytes => _messages.AsSpan(0, _messagesLength);

    internal IReadOnlyDictionary<ObjectKey, ObjectKey?> PeeledTags => _peeledTags;

    /// <summary>Rebuilds a store from validated file contents.</summary>
    /// <remarks>Takes ownership of the lists (no copy of a many-megabyte table).</remarks>
    internal static CommitStore FromParts(string shallowFingerprint, string? importedCommitGraph, CommitEntries entries, List<int> parents,
        string[] strings, byte[] messages, IEnumerable<KeyValuePair<ObjectKey, ObjectKey?>> peeledTags, IEnumerable<ReachabilityMemo> memos,
        long[]? indexSlots = null)
    {
        var store = new CommitStore(shallowFingerprint, entries, parents)
        {
            _messages = messages, _messagesLength = messages.Length, ImportedCommitGraph = importedCommitGraph, IsPersisted = true,
            _withoutDetails = -1,
        };
        // The saved slots are taken as they are when they index exactly these entries and leave room to grow;
        // else the index is built again (100k inserts, ~20 ms in a new process).
        if (indexSlots is null || !store._index.TryAdopt(indexSlots, entries.Count, GrowthReserve))
        {
            store._index.EnsureCapacity(entries.Count + GrowthReserve);
            if (!store._index.AddRange(entries.Count)) throw new InvalidDataException("duplicate commit");
        }
        foreach (var s in strings)
        {
            var before = store._strings.Count;
            store.Intern(s);
            if (store._strings.Count != before + 1) throw new InvalidDataException("duplicate string in table");
        }
        foreach (var (k, v) in peeledTags) store._peeledTags[k] = v;
        store._memos.AddRange(memos.Take(MaxMemos));
        store.UnsavedFacts = 0;
        return store;
    }
}
