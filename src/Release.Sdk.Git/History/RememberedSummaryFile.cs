using System.Text;
using Release.Sdk.Engine.Analysis;

namespace Release.Sdk.Git.History;

/// <summary>
/// Persists the <see cref="RememberedSummary"/>s of one analyzer fingerprint beside the commit cache
/// (<c>release-sdk/summary-v1-HASH.bin</c>, the full fingerprint inside). A few hundred bytes, rewritten whenever a
/// build summarizes a new list. Same rules as <see cref="AnalyzedCommitFile"/>: temp file and rename, checksum,
/// anything unreadable is ignored, no I/O problem ever fails a build.
/// </summary>
internal static class RememberedSummaryFile
{
    private const int FormatVersion = 1;
    private const int MaxFiles = 4;
    private static readonly byte[] Magic = "RSDKSUMM"u8.ToArray();

    private static readonly string Stem = $"summary-v{FormatVersion}";

    public static string PathFor(string commonGitDirectory, string fingerprint) => CacheFiles.PerFingerprint(commonGitDirectory, Stem, fingerprint);

    /// <returns>The summaries saved for <paramref name="fingerprint"/>, most recent first; empty when there are none.</returns>
    public static List<RememberedSummary> Load(string path, string fingerprint)
    {
        try
        {
            return File.Exists(path) ? Parse(File.ReadAllBytes(path), fingerprint) ?? [] : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    public static void TrySave(string path, string fingerprint, IReadOnlyList<RememberedSummary> summaries)
    {
        if (CacheFiles.TryWriteChecksummed(path, stream => WritePayload(fingerprint, summaries, stream)) is not null)
            CacheFiles.KeepNewestPerFingerprint(path, Stem, MaxFiles);
    }

    internal static byte[] Serialize(string fingerprint, IReadOnlyList<RememberedSummary> summaries) =>
        CacheFiles.Checksummed(stream => WritePayload(fingerprint, summaries, stream));

    private static void WritePayload(string fingerprint, IReadOnlyList<RememberedSummary> summaries, Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(fingerprint);
        w.Write(summaries.Count);
        Span<byte> id = stackalloc byte[ObjectKey.Size];
        foreach (var s in summaries)
        {
            s.Newest.WriteTo(id);
            w.Write(id);
            w.Write(s.Count);
            w.Write(s.SequenceHash);
            w.Write((byte)s.Summary.Bump);
            w.Write(s.Summary.ReleasingCommits);
            w.Write(s.Summary.CountByType.Count);
            foreach (var (type, count) in s.Summary.CountByType)
            {
                w.Write(type);
                w.Write(count);
            }
        }
    }

    /// <returns>null when the bytes are not a whole, intact file for <paramref name="fingerprint"/>.</returns>
    internal static List<RememberedSummary>? Parse(byte[] bytes, string fingerprint)
    {
        if (bytes.Length < Magic.Length + 8 || BitConverter.ToUInt64(bytes, bytes.Length - 8) != ChecksumFold.Of(bytes.AsSpan(0, bytes.Length - 8)))
            return null;
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - 8, writable: false), Encoding.UTF8);
            if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || r.ReadInt32() != FormatVersion || r.ReadString() != fingerprint) return null;
            var count = r.ReadInt32();
            if (count is < 0 or > RememberedSummary.MaxPerFingerprint) return null;
            var summaries = new List<RememberedSummary>(count);
            for (var i = 0; i < count; i++)
            {
                var newest = ObjectKey.FromBytes(r.ReadBytes(ObjectKey.Size));
                var length = r.ReadInt32();
                var hash = r.ReadUInt64();
                var bump = (ReleaseType)r.ReadByte();
                var releasing = r.ReadInt32();
                var types = r.ReadInt32();
                if (length < 1 || bump is < ReleaseType.None or > ReleaseType.Major || releasing < 0 || types < 0 || types > length) return null;
                var counts = new Dictionary<string, int>(types, StringComparer.Ordinal);
                for (var t = 0; t < types; t++) counts[r.ReadString()] = r.ReadInt32();
                summaries.Add(new RememberedSummary(newest, length, hash, new AnalysisSummary(bump, counts, releasing)));
            }
            return r.BaseStream.Position == r.BaseStream.Length ? summaries : null;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or DecoderFallbackException or ArgumentException)
        {
            return null;
        }
    }
}
