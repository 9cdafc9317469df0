using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Release.Sdk.Git.History;

/// <summary>
/// Persists a <see cref="CommitStore"/> inside the git directory (<c>release-sdk/history-v3.bin</c>) so a new build
/// process reads only commits made since. Written to a temp file and renamed (readers never see half a file);
/// a file that is missing, foreign, of another version, truncated or fails its checksum is ignored and rebuilt.
/// Caching must never fail a build, so every I/O problem here is swallowed.
/// </summary>
internal static class CommitStoreFile
{
    // 2: reachability memos appended. 3: the id index's slots appended (loaded as they are, not rebuilt by 100k inserts).
    private const int FormatVersion = 3;
    private static readonly byte[] Magic = "RSDKHIST"u8.ToArray();
    // Entries are stored as the in-memory table itself (read into place, not decoded field by field: ~10 ms of every
    // build after a commit at 100k commits); the header records the entry size and byte order it was written with, and a
    // file from a machine that differs is rebuilt.
    private static int EntrySize => Unsafe.SizeOf<CommitEntry>();

    public static string PathFor(string commonGitDirectory) =>
        Path.Combine(commonGitDirectory, "release-sdk", $"history-v{FormatVersion}.bin");

    public static CommitStore? TryLoad(string path, string shallowFingerprint)
    {
        try
        {
            if (!File.Exists(path)) return null;
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16,
                FileOptions.SequentialScan);
            return Parse(file, file.Length, shallowFingerprint);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            return null;
        }
    }

    /// <summary>Writes the store (the caller holds its lock).</summary>
    public static void TrySave(string path, CommitStore store)
    {
        var image = StoreImage.Of(store);
        if (TryWrite(path, image) is { } identity) store.MarkSaved(identity, image.UnsavedFacts);
    }

    /// <summary>Writes what <paramref name="image"/> holds; needs no lock on the store it was taken from.</summary>
    /// <returns>The file's identity; null when it could not be written.</returns>
    public static StoreFileIdentity? TryWrite(string path, StoreImage image)
    {
        if (CacheFiles.TryWriteChecksummed(path, stream => WritePayload(image, stream)) is not { } checksum) return null;
        var identity = new StoreFileIdentity(checksum, image.Entries.Length);
        // The journal extended the file just replaced, which now holds all of it; files of older formats are dead weight.
        CacheFiles.TryDelete(CommitJournalFile.PathFor(path));
        try
        {
            foreach (var old in Directory.EnumerateFiles(Path.GetDirectoryName(path)!, "history-v*"))
            {
                if (!old.StartsWith(Path.ChangeExtension(path, null), StringComparison.Ordinal)) CacheFiles.TryDelete(old);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return identity;
    }

    internal static byte[] Serialize(CommitStore store)
    {
        var image = StoreImage.Of(store);
        return CacheFiles.Checksummed(stream => WritePayload(image, stream));
    }

    /// <summary>The file's payload (the checksum follows it), written as it goes: see <see cref="ChecksummedWriter"/>.</summary>
    private static void WritePayload(StoreImage store, Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(store.ShallowFingerprint);
        w.Write(store.ImportedCommitGraph ?? "");
        w.Write(store.Entries.Length);
        w.Write(store.ParentIndices.Length);
        w.Write(store.Strings.Length);
        w.Write(store.MessageBytes.Length);
        w.Write(store.PeeledTags.Length);
        w.Write(EntrySize);
        w.Write(BitConverter.IsLittleEndian);
        w.Write(MemoryMarshal.AsBytes(store.Entries.Span));

        Span<byte> id = stackalloc byte[ObjectKey.Size];
        w.Write(MemoryMarshal.AsBytes(store.ParentIndices.AsSpan()));
        foreach (var s in store.Strings) w.Write(s);
        w.Write(store.MessageBytes.Span);
        foreach (var (tag, commit) in store.PeeledTags)
        {
            tag.WriteTo(id);
            w.Write(id);
            w.Write(commit.HasValue);
            (commit ?? default).WriteTo(id);
            w.Write(id);
        }
        w.Write(store.Memos.Length);
        foreach (var memo in store.Memos)
        {
            w.Write(memo.Head);
            w.Write(memo.Targets.Length);
            w.Write(MemoryMarshal.AsBytes(memo.Targets.AsSpan()));
            foreach (var reachable in memo.Reachable) w.Write(reachable);
        }
        var slots = store.IndexSlots;
        w.Write(slots.Length);
        w.Write(MemoryMarshal.AsBytes(slots.AsSpan()));
    }

    internal static CommitStore? Parse(byte[] bytes, string shallowFingerprint)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return Parse(stream, bytes.Length, shallowFingerprint);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            return null;
        }
    }

    /// <summary>
    /// Reads the file section by section straight into the store's tables (the file's bytes are never held at once),
    /// checksumming on the way; the store is handed out only when the whole file checks out.
    /// </summary>
    private static CommitStore? Parse(Stream stream, long length, string shallowFingerprint)
    {
        if (length < Magic.Length + 8) return null;
        var r = new ChecksummedReader(stream, length - 8);
        Span<byte> magic = stackalloc byte[Magic.Length];
        r.ReadExactly(magic);
        if (!magic.SequenceEqual(Magic)) return null;
        if (r.ReadInt32() != FormatVersion) return null;
        if (r.ReadString() != shallowFingerprint) return null;
        var importedCommitGraph = r.ReadString();
        var commitCount = r.ReadInt32();
        var parentCount = r.ReadInt32();
        var stringCount = r.ReadInt32();
        var messageLength = r.ReadInt32();
        var peelCount = r.ReadInt32();
        if (r.ReadInt32() != EntrySize || r.ReadByte() != (BitConverter.IsLittleEndian ? 1 : 0)) return null;
        if (commitCount < 0 || parentCount < 0 || stringCount < 0 || messageLength < 0 || peelCount < 0 ||
            (long)commitCount * EntrySize + (long)parentCount * 4 + messageLength + stringCount + peelCount * (2L * ObjectKey.Size + 1) > r.Remaining)
            throw new InvalidDataException("counts do not fit the file");

        var entries = ReadEntries(r, commitCount, parentCount, stringCount, messageLength);

        var parents = new List<int>(parentCount + CommitStore.GrowthReserve);
        CollectionsMarshal.SetCount(parents, parentCount);
        r.ReadExactly(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(parents)));
        CheckParents(CollectionsMarshal.AsSpan(parents), commitCount);

        var strings = new string[stringCount];
        for (var i = 0; i < stringCount; i++) strings[i] = r.ReadString();
        var messages = new byte[messageLength];
        r.ReadExactly(messages);

        var peels = new List<KeyValuePair<ObjectKey, ObjectKey?>>(peelCount);
        Span<byte> peel = stackalloc byte[2 * ObjectKey.Size + 1];
        for (var i = 0; i < peelCount; i++)
        {
            r.ReadExactly(peel);
            var tag = ObjectKey.FromBytes(peel);
            var isCommit = peel[ObjectKey.Size] != 0;
            var target = ObjectKey.FromBytes(peel[(ObjectKey.Size + 1)..]);
            peels.Add(new(tag, isCommit ? target : null));
        }
        var memos = ReadMemos(r, commitCount);
        var slotCount = r.ReadInt32();
        if (slotCount < 0 || (long)slotCount * 8 > r.Remaining) throw new InvalidDataException("index does not fit the file");
        var slots = new long[slotCount];
        r.ReadExactly(MemoryMarshal.AsBytes(slots.AsSpan()));
        if (!r.Verify()) return null;

        var store = CommitStore.FromParts(shallowFingerprint, importedCommitGraph.Length == 0 ? null : importedCommitGraph, entries, parents, strings, messages, peels, memos, slots);
        store.FileIdentity = new StoreFileIdentity(r.Checksum, commitCount);
        store.PersistedCount = commitCount;
        return store;
    }

    private static void CheckParents(ReadOnlySpan<int> parents, int commitCount)
    {
        foreach (var p in parents)
        {
            if ((uint)p >= (uint)commitCount) throw new InvalidDataException("parent out of range");
        }
    }

    /// <summary>The entry table, read into place and then validated.</summary>
    private static CommitEntries ReadEntries(ChecksummedReader r, int commitCount, int parentCount, int stringCount, int messageLength)
    {
        var items = new CommitEntry[commitCount + CommitStore.GrowthReserve];
        r.ReadExactly(MemoryMarshal.AsBytes(items.AsSpan(0, commitCount)));
        for (var i = 0; i < commitCount; i++)
        {
            ref readonly var e = ref items[i];
            if (e.ParentStart < 0 || e.ParentCount < 0 || (long)e.ParentStart + e.ParentCount > parentCount)
                throw new InvalidDataException("parents out of range");
            if (e.HasDetails && ((uint)e.AuthorName >= (uint)stringCount || (uint)e.AuthorEmail >= (uint)stringCount ||
                e.MessageStart < 0 || e.MessageLength < 0 || (long)e.MessageStart + e.MessageLength > messageLength))
                throw new InvalidDataException("details out of range");
        }
        return CommitEntries.Adopt(items, commitCount);
    }

    private static List<ReachabilityMemo> ReadMemos(ChecksummedReader r, int commitCount)
    {
        var count = r.ReadInt32();
        if (count < 0 || count > CommitStore.MaxMemos) throw new InvalidDataException("memo count out of range");
        var memos = new List<ReachabilityMemo>(count);
        for (var m = 0; m < count; m++)
        {
            var head = r.ReadInt32();
            var targetCount = r.ReadInt32();
            if ((uint)head >= (uint)commitCount || targetCount < 0 || targetCount > commitCount || (long)targetCount * 5 > r.Remaining)
                throw new InvalidDataException("memo out of range");
            var targets = new int[targetCount];
            r.ReadExactly(MemoryMarshal.AsBytes(targets.AsSpan()));
            for (var i = 0; i < targetCount; i++)
            {
                if ((uint)targets[i] >= (uint)commitCount || (i > 0 && targets[i] <= targets[i - 1]))
                    throw new InvalidDataException("memo targets out of order");
            }
            var flags = new byte[targetCount];
            r.ReadExactly(flags);
            memos.Add(new ReachabilityMemo(head, targets, Array.ConvertAll(flags, f => f != 0)));
        }
        return memos;
    }

    private static bool IsUnreadable(Exception e) => e is IOException or UnauthorizedAccessException or InvalidDataException
        or EndOfStreamException or ArgumentException or DecoderFallbackException;
}
