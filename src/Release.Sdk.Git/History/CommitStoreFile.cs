using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace Release.Sdk.Git.History;

/// <summary>
/// Persists a <see cref="CommitStore"/> inside the git directory (<c>release-sdk/history-v1.bin</c>) so a new build
/// process reads only commits made since. Written to a temp file and renamed (readers never see half a file);
/// a file that is missing, foreign, of another version, truncated or fails its checksum is ignored and rebuilt.
/// Caching must never fail a build, so every I/O problem here is swallowed.
/// </summary>
internal static class CommitStoreFile
{
    private const int FormatVersion = 1;
    private static readonly byte[] Magic = "RSDKHIST"u8.ToArray();
    private const int EntrySize = ObjectKey.Size + 8 + 2 + 1 + 4 * 2 + 1 + 4 * 4;

    public static string PathFor(string commonGitDirectory) =>
        Path.Combine(commonGitDirectory, "release-sdk", $"history-v{FormatVersion}.bin");

    public static CommitStore? TryLoad(string path, string shallowFingerprint)
    {
        try
        {
            if (!File.Exists(path)) return null;
            return Parse(File.ReadAllBytes(path), shallowFingerprint);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException
                                      or EndOfStreamException or ArgumentException or DecoderFallbackException)
        {
            return null;
        }
    }

    public static void TrySave(string path, CommitStore store)
    {
        string? temp = null;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var content = Write(store);
            temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                file.Write(content.GetBuffer().AsSpan(0, (int)content.Length));
            File.Move(temp, path, overwrite: true);
            temp = null;
            store.IsDirty = false;
            store.IsPersisted = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        finally
        {
            if (temp is not null) TryDelete(temp);
        }
    }

    internal static byte[] Serialize(CommitStore store)
    {
        using var content = Write(store);
        return content.ToArray();
    }

    /// <summary>The file's bytes in one buffer sized up front (no doubling copies of a many-megabyte file).</summary>
    private static MemoryStream Write(CommitStore store)
    {
        var estimate = 256L + (long)store.Entries.Count * EntrySize + store.ParentIndices.Count * 4L + store.MessageBytes.Length
                       + store.Strings.Sum(s => 5L + s.Length * 3L) + store.PeeledTags.Count * (2L * ObjectKey.Size + 1);
        var buffer = new MemoryStream((int)Math.Min(estimate, int.MaxValue));
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            w.Write(store.ShallowFingerprint);
            w.Write(store.ImportedCommitGraph ?? "");
            w.Write(store.Entries.Count);
            w.Write(store.ParentIndices.Count);
            w.Write(store.Strings.Count);
            w.Write(store.MessageBytes.Length);
            w.Write(store.PeeledTags.Count);

            Span<byte> id = stackalloc byte[ObjectKey.Size];
            foreach (var e in store.Entries)
            {
                e.Id.WriteTo(id);
                w.Write(id);
                w.Write(e.CommitterSeconds);
                w.Write(e.CommitterOffsetMinutes);
                w.Write(e.HasMissingParents);
                w.Write(e.ParentStart);
                w.Write(e.ParentCount);
                w.Write(e.HasDetails);
                w.Write(e.AuthorName);
                w.Write(e.AuthorEmail);
                w.Write(e.MessageStart);
                w.Write(e.MessageLength);
            }
            w.Write(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(store.ParentIndices)));
            foreach (var s in store.Strings) w.Write(s);
            w.Write(store.MessageBytes);
            foreach (var (tag, commit) in store.PeeledTags)
            {
                tag.WriteTo(id);
                w.Write(id);
                w.Write(commit.HasValue);
                (commit ?? default).WriteTo(id);
                w.Write(id);
            }
        }
        var checksum = Checksum(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        buffer.Write(BitConverter.GetBytes(checksum));
        return buffer;
    }

    internal static CommitStore? Parse(byte[] bytes, string shallowFingerprint)
    {
        if (bytes.Length < Magic.Length + 8 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)) return null;
        var payload = bytes.AsSpan(0, bytes.Length - 8);
        if (BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(bytes.Length - 8)) != Checksum(payload)) return null;

        using var r = new BinaryReader(new MemoryStream(bytes, 0, payload.Length, writable: false), Encoding.UTF8);
        r.ReadBytes(Magic.Length);
        if (r.ReadInt32() != FormatVersion) return null;
        if (r.ReadString() != shallowFingerprint) return null;
        var importedCommitGraph = r.ReadString();
        var commitCount = r.ReadInt32();
        var parentCount = r.ReadInt32();
        var stringCount = r.ReadInt32();
        var messageLength = r.ReadInt32();
        var peelCount = r.ReadInt32();
        var remaining = payload.Length - r.BaseStream.Position;
        if (commitCount < 0 || parentCount < 0 || stringCount < 0 || messageLength < 0 || peelCount < 0 ||
            (long)commitCount * EntrySize + (long)parentCount * 4 + messageLength > remaining)
            throw new InvalidDataException("counts do not fit the file");

        // Entries and parents are read straight from the file's bytes: no per-entry arrays, no intermediate copies.
        var entries = new List<CommitEntry>(commitCount);
        var position = (int)r.BaseStream.Position;
        for (var i = 0; i < commitCount; i++, position += EntrySize)
        {
            var e = ReadEntry(bytes.AsSpan(position, EntrySize));
            if (e.ParentStart < 0 || e.ParentCount < 0 || (long)e.ParentStart + e.ParentCount > parentCount)
                throw new InvalidDataException("parents out of range");
            if (e.HasDetails && ((uint)e.AuthorName >= (uint)stringCount || (uint)e.AuthorEmail >= (uint)stringCount ||
                e.MessageStart < 0 || e.MessageLength < 0 || (long)e.MessageStart + e.MessageLength > messageLength))
                throw new InvalidDataException("details out of range");
            entries.Add(e);
        }

        var parentBytes = bytes.AsSpan(position, parentCount * 4);
        var parents = new List<int>(parentCount);
        parents.AddRange(MemoryMarshal.Cast<byte, int>(parentBytes));
        foreach (var p in parents)
        {
            if ((uint)p >= (uint)commitCount) throw new InvalidDataException("parent out of range");
        }
        r.BaseStream.Position = position + parentBytes.Length;

        var strings = new string[stringCount];
        for (var i = 0; i < stringCount; i++) strings[i] = r.ReadString();
        var messages = r.ReadBytes(messageLength);
        if (messages.Length != messageLength) throw new InvalidDataException("truncated messages");

        var peels = new List<KeyValuePair<ObjectKey, ObjectKey?>>(peelCount);
        for (var i = 0; i < peelCount; i++)
        {
            var tag = ObjectKey.FromBytes(r.ReadBytes(ObjectKey.Size));
            var isCommit = r.ReadBoolean();
            var target = ObjectKey.FromBytes(r.ReadBytes(ObjectKey.Size));
            peels.Add(new(tag, isCommit ? target : null));
        }
        if (r.BaseStream.Position != payload.Length) throw new InvalidDataException("trailing bytes");

        return CommitStore.FromParts(shallowFingerprint, importedCommitGraph.Length == 0 ? null : importedCommitGraph, entries, parents, strings, messages, peels);
    }

    /// <summary>One entry as <see cref="Write"/> lays it out (little-endian, like BinaryWriter).</summary>
    private static CommitEntry ReadEntry(ReadOnlySpan<byte> b) => new(
        ObjectKey.FromBytes(b),
        BinaryPrimitives.ReadInt64LittleEndian(b[20..]),
        BinaryPrimitives.ReadInt16LittleEndian(b[28..]),
        b[30] != 0,
        BinaryPrimitives.ReadInt32LittleEndian(b[31..]),
        BinaryPrimitives.ReadInt32LittleEndian(b[35..]),
        b[39] != 0,
        BinaryPrimitives.ReadInt32LittleEndian(b[40..]),
        BinaryPrimitives.ReadInt32LittleEndian(b[44..]),
        BinaryPrimitives.ReadInt32LittleEndian(b[48..]),
        BinaryPrimitives.ReadInt32LittleEndian(b[52..]));

    /// <summary>A fast 64-bit checksum (not cryptographic): it only has to catch torn or damaged files.</summary>
    internal static ulong Checksum(ReadOnlySpan<byte> data)
    {
        const ulong prime = 0x100000001B3UL;
        var hash = 0xCBF29CE484222325UL ^ (ulong)data.Length;
        var words = MemoryMarshal.Cast<byte, ulong>(data);
        foreach (var w in words) hash = (BitOperations.RotateLeft(hash ^ w, 29) * prime) + 0x9E3779B97F4A7C15UL;
        foreach (var b in data[(words.Length * 8)..]) hash = (hash ^ b) * prime;
        return hash;
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
