using System.Text;

namespace Release.Sdk.Git.History;

/// <summary>Identifies one written store file: its checksum and how many commits it holds.</summary>
internal sealed record StoreFileIdentity(ulong Checksum, int CommitCount);

/// <summary>
/// Commits added since the store file was written, appended beside it (<c>history-v3.journal</c>) by each build that
/// adds some. Rewriting a 100k-commit store file costs tens of milliseconds, so it is rewritten only every couple of
/// hundred commits; without the journal each build in between read every commit made since from git again (about a
/// millisecond each). The journal names the store file it extends (checksum and commit count) and is ignored when
/// that file changed; each record carries its own checksum, so a torn append loses only itself. No I/O problem ever
/// fails a build.
/// </summary>
internal static class CommitJournalFile
{
    private const int FormatVersion = 1;
    private static readonly byte[] Magic = "RSDKJRNL"u8.ToArray();
    private const int HeaderSize = 8 + 4 + 8 + 4;

    public static string PathFor(string storeFilePath) => Path.ChangeExtension(storeFilePath, ".journal");

    /// <summary>Adds the journal's commits to a store just loaded from <paramref name="storeFilePath"/>.</summary>
    /// <returns>How many commits were added.</returns>
    public static int Replay(string storeFilePath, CommitStore store)
    {
        if (store.FileIdentity is not { } identity || store.Count != identity.CommitCount) return 0;
        byte[] bytes;
        try
        {
            var path = PathFor(storeFilePath);
            if (!File.Exists(path)) return 0;
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
        if (!HeaderMatches(bytes, identity)) return 0;

        var added = 0;
        var at = HeaderSize;
        while (TryReadRecord(bytes, ref at, out var commits))
        {
            var fresh = commits.Where(c => !store.TryGetIndex(c.Id, out _)).ToList();
            store.Add(fresh);
            added += fresh.Count;
        }
        store.PersistedCount = store.Count;
        return added;
    }

    /// <summary>Appends the store's entries not on disk yet as one record (starting the journal if there is none).</summary>
    public static void TryAppend(string storeFilePath, CommitStore store)
    {
        if (store.FileIdentity is not { } identity || store.PersistedCount >= store.Count || store.PersistedCount < identity.CommitCount) return;
        try
        {
            var record = Record(store, store.PersistedCount);
            using var file = new FileStream(PathFor(storeFilePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            var header = new byte[HeaderSize];
            var read = file.Length >= HeaderSize ? file.Read(header) : 0;
            if (read < HeaderSize || !HeaderMatches(header, identity))
            {
                // A journal of another store file (or none yet): start over.
                file.SetLength(0);
                file.Write(Header(identity));
            }
            file.Seek(0, SeekOrigin.End);
            file.Write(record);
            store.PersistedCount = store.Count;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another build holds the journal, or the disk said no: these commits are read from git again next time.
        }
    }

    private static byte[] Header(StoreFileIdentity identity)
    {
        var header = new byte[HeaderSize];
        Magic.CopyTo(header, 0);
        BitConverter.TryWriteBytes(header.AsSpan(8), FormatVersion);
        BitConverter.TryWriteBytes(header.AsSpan(12), identity.Checksum);
        BitConverter.TryWriteBytes(header.AsSpan(20), identity.CommitCount);
        return header;
    }

    private static bool HeaderMatches(ReadOnlySpan<byte> bytes, StoreFileIdentity identity) =>
        bytes.Length >= HeaderSize && bytes[..HeaderSize].SequenceEqual(Header(identity));

    /// <summary>One record: payload length, payload (the commits), checksum of the payload.</summary>
    private static byte[] Record(CommitStore store, int from)
    {
        using var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(store.Count - from);
            Span<byte> id = stackalloc byte[ObjectKey.Size];
            for (var i = from; i < store.Count; i++)
            {
                var e = store[i];
                e.Id.WriteTo(id);
                w.Write(id);
                w.Write(e.CommitterSeconds);
                w.Write(e.CommitterOffsetMinutes);
                var parents = store.ParentsOf(i);
                w.Write(parents.Length);
                foreach (var p in parents)
                {
                    store[p].Id.WriteTo(id);
                    w.Write(id);
                }
                w.Write(e.HasDetails);
                if (!e.HasDetails) continue;
                w.Write(store.Strings[e.AuthorName]);
                w.Write(store.Strings[e.AuthorEmail]);
                w.Write(store.MessageBytes.Slice(e.MessageStart, e.MessageLength).Length);
                w.Write(store.MessageBytes.Slice(e.MessageStart, e.MessageLength));
            }
        }
        var body = payload.GetBuffer().AsSpan(0, (int)payload.Length);
        var record = new byte[4 + body.Length + 8];
        BitConverter.TryWriteBytes(record.AsSpan(0), body.Length);
        body.CopyTo(record.AsSpan(4));
        BitConverter.TryWriteBytes(record.AsSpan(4 + body.Length), ChecksumFold.Of(body));
        return record;
    }

    /// <returns>false at the end, or at a torn or damaged record (where replay stops).</returns>
    private static bool TryReadRecord(byte[] bytes, ref int at, out List<RawCommit> commits)
    {
        commits = [];
        if (at + 4 > bytes.Length) return false;
        var length = BitConverter.ToInt32(bytes, at);
        if (length < 4 || (long)at + 4 + length + 8 > bytes.Length) return false;
        var body = bytes.AsSpan(at + 4, length);
        if (BitConverter.ToUInt64(bytes, at + 4 + length) != ChecksumFold.Of(body)) return false;
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, at + 4, length, writable: false), Encoding.UTF8);
            var count = r.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var id = ObjectKey.FromBytes(r.ReadBytes(ObjectKey.Size));
                var seconds = r.ReadInt64();
                var offset = TimeSpan.FromMinutes(r.ReadInt16());
                var parents = new ObjectKey[r.ReadInt32()];
                for (var p = 0; p < parents.Length; p++) parents[p] = ObjectKey.FromBytes(r.ReadBytes(ObjectKey.Size));
                var committed = DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(offset);
                CommitDetails? details = null;
                if (r.ReadBoolean())
                {
                    var name = r.ReadString();
                    var email = r.ReadString();
                    var message = Encoding.UTF8.GetString(r.ReadBytes(r.ReadInt32()));
                    details = new CommitDetails(name, email, message, committed);
                }
                commits.Add(new RawCommit(id, parents, committed, details));
            }
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or DecoderFallbackException)
        {
            return false;
        }
        at += 4 + length + 8;
        return true;
    }
}
