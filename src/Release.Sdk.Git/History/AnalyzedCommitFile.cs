using System.Buffers.Binary;
using System.Text;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Commits;

namespace Release.Sdk.Git.History;

/// <summary>
/// Persists an <see cref="AnalyzedCommitTable"/> beside the commit cache (<c>release-sdk/analysis-v1-HASH.bin</c>,
/// one file per analyzer fingerprint, the full fingerprint inside), keyed by sha so it survives a rebuilt commit
/// store. Same rules as <see cref="CommitStoreFile"/>: temp file and rename, checksum, anything unreadable is
/// ignored and rebuilt, no I/O problem ever fails a build.
/// </summary>
internal static class AnalyzedCommitFile
{
    private const int FormatVersion = 1;
    private const int MaxFiles = 4;
    private static readonly byte[] Magic = "RSDKANLZ"u8.ToArray();
    private const int FixedRecordSize = ObjectKey.Size + 2 + 8;
    private const int MaxRecordSize = FixedRecordSize + 3 * 4;

    [Flags]
    private enum Shape : byte
    {
        Empty = 1,
        HasType = 2,
        IsRevert = 4,
        HasRevertHeader = 8,
        HasRevertHash = 16,
    }

    private static readonly string Stem = $"analysis-v{FormatVersion}";

    public static string PathFor(string commonGitDirectory, string fingerprint) => CacheFiles.PerFingerprint(commonGitDirectory, Stem, fingerprint);

    /// <summary>The table saved for <paramref name="fingerprint"/>, mapped onto <paramref name="store"/>; null when there is none.</summary>
    public static AnalyzedCommitTable? TryLoad(string path, string fingerprint, CommitStore store)
    {
        try
        {
            if (!File.Exists(path)) return null;
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16,
                FileOptions.SequentialScan);
            return Parse(file, file.Length, fingerprint, store);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            return null;
        }
    }

    public static void TrySave(string path, AnalyzedCommitTable table, CommitStore store)
    {
        var (strings, records) = Records(table, store);
        if (CacheFiles.TryWriteChecksummed(path, stream => WritePayload(table, strings, records.Span, stream)) is null) return;
        table.UnsavedFacts = 0;
        table.IsPersisted = true;
        // An old configuration's file is of no more use: only the few most recently written fingerprints are kept.
        CacheFiles.KeepNewestPerFingerprint(path, Stem, MaxFiles);
    }

    internal static byte[] Serialize(AnalyzedCommitTable table, CommitStore store)
    {
        var (strings, records) = Records(table, store);
        return CacheFiles.Checksummed(stream => WritePayload(table, strings, records.Span, stream));
    }

    /// <summary>The table's records, and the strings they refer to by index.</summary>
    private static (List<string> Strings, ReadOnlyMemory<byte> Records) Records(AnalyzedCommitTable table, CommitStore store)
    {
        var strings = new List<string>();
        var stringIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        int Index(string value)
        {
            if (stringIndex.TryGetValue(value, out var i)) return i;
            strings.Add(value);
            return stringIndex[value] = strings.Count - 1;
        }
        // The table keeps one instance per type: 100k commits' types are found by reference among a few, not hashed.
        var types = new (string Type, int Index)[16];
        var typeCount = 0;
        int TypeIndex(string type)
        {
            for (var k = 0; k < typeCount; k++)
            {
                if (ReferenceEquals(types[k].Type, type)) return types[k].Index;
            }
            var i = Index(type);
            if (typeCount < types.Length) types[typeCount++] = (type, i);
            return i;
        }

        // Records are written into one array with span writes: a BinaryWriter call per field made this most of a
        // first build's save (100k records, ~6 fields each).
        var records = new byte[table.Count * MaxRecordSize];
        var length = 0;
        foreach (var index in table.Indices())
        {
            table.TryGet(index, out var f);
            var record = records.AsSpan(length);
            store.Entries.ItemRef(index).Id.WriteTo(record);
            var shape = (f.IsEmpty ? Shape.Empty : 0) | (f.Type is null ? 0 : Shape.HasType) | (f.Revert is null ? 0 : Shape.IsRevert)
                        | (f.Revert?.Header is null ? 0 : Shape.HasRevertHeader) | (f.Revert?.Hash is null ? 0 : Shape.HasRevertHash);
            record[ObjectKey.Size] = (byte)shape;
            record[ObjectKey.Size + 1] = (byte)f.Release;
            BinaryPrimitives.WriteUInt64LittleEndian(record[(ObjectKey.Size + 2)..], f.RevertKey);
            var used = FixedRecordSize;
            if (f.Type is not null) used = WriteIndex(record, used, TypeIndex(f.Type));
            if (f.Revert?.Header is { } header) used = WriteIndex(record, used, Index(header));
            if (f.Revert?.Hash is { } hash) used = WriteIndex(record, used, Index(hash));
            length += used;
        }
        return (strings, records.AsMemory(0, length));
    }

    private static void WritePayload(AnalyzedCommitTable table, List<string> strings, ReadOnlySpan<byte> records, Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(table.Fingerprint);
        w.Write(table.Count);
        w.Write(strings.Count);
        foreach (var s in strings) w.Write(s);
        w.Write(records);
    }

    private static int WriteIndex(Span<byte> record, int used, int index)
    {
        BinaryPrimitives.WriteInt32LittleEndian(record[used..], index);
        return used + 4;
    }

    internal static AnalyzedCommitTable? Parse(byte[] bytes, string fingerprint, CommitStore store)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return Parse(stream, bytes.Length, fingerprint, store);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            return null;
        }
    }

    /// <summary>Streams the file into a table (its bytes are never held at once); the table counts only when the checksum matches.</summary>
    private static AnalyzedCommitTable? Parse(Stream stream, long length, string fingerprint, CommitStore store)
    {
        if (length < Magic.Length + 8) return null;
        var r = new ChecksummedReader(stream, length - 8);
        Span<byte> magic = stackalloc byte[Magic.Length];
        r.ReadExactly(magic);
        if (!magic.SequenceEqual(Magic)) return null;
        if (r.ReadInt32() != FormatVersion || r.ReadString() != fingerprint) return null;
        var count = r.ReadInt32();
        var stringCount = r.ReadInt32();
        if (count < 0 || stringCount < 0 || (long)count * 30 + stringCount > r.Remaining) throw new InvalidDataException("counts do not fit the file");
        var strings = new string[stringCount];
        for (var i = 0; i < stringCount; i++) strings[i] = r.ReadString();
        string? At(int index) => (uint)index < (uint)strings.Length ? strings[index] : throw new InvalidDataException("string out of range");

        var table = new AnalyzedCommitTable(fingerprint, store.Count) { IsPersisted = true };
        // The records are the rest of the payload: parsed from a window refilled in large reads, not field by field.
        var window = new byte[1 << 16];
        int start = 0, end = 0;
        for (var i = 0; i < count; i++)
        {
            if (end - start < MaxRecordSize && r.Remaining > 0)
            {
                Buffer.BlockCopy(window, start, window, 0, end - start);
                end -= start;
                start = 0;
                var more = (int)Math.Min(window.Length - end, r.Remaining);
                r.ReadExactly(window.AsSpan(end, more));
                end += more;
            }
            var record = window.AsSpan(start, end - start);
            if (record.Length < FixedRecordSize) throw new EndOfStreamException();
            var shape = (Shape)record[ObjectKey.Size];
            var release = (ReleaseType)record[ObjectKey.Size + 1];
            if (release is < ReleaseType.None or > ReleaseType.Major) throw new InvalidDataException("unknown release type");
            var revertKey = BinaryPrimitives.ReadUInt64LittleEndian(record[(ObjectKey.Size + 2)..]);
            var used = FixedRecordSize;
            string? NextString(ReadOnlySpan<byte> rec)
            {
                if (rec.Length < used + 4) throw new EndOfStreamException();
                var value = At(BinaryPrimitives.ReadInt32LittleEndian(rec[used..]));
                used += 4;
                return value;
            }
            var type = shape.HasFlag(Shape.HasType) ? NextString(record) : null;
            var revertHeader = shape.HasFlag(Shape.HasRevertHeader) ? NextString(record) : null;
            var revertHash = shape.HasFlag(Shape.HasRevertHash) ? NextString(record) : null;
            var revert = shape.HasFlag(Shape.IsRevert) ? new CommitRevert(revertHeader, revertHash) : null;
            // Commits the store no longer knows (it was rebuilt) are dropped; they are analyzed again if ever needed.
            if (store.TryGetIndex(ObjectKey.FromBytes(record), out var index))
                table.Set(index, new AnalyzedCommit(shape.HasFlag(Shape.Empty), release, type, revertKey, revert));
            start += used;
        }
        if (start != end) throw new InvalidDataException("trailing bytes");
        if (!r.Verify()) return null;
        table.UnsavedFacts = 0;
        return table;
    }

    private static bool IsUnreadable(Exception e) => e is IOException or UnauthorizedAccessException or InvalidDataException
        or EndOfStreamException or ArgumentException or DecoderFallbackException;
}
