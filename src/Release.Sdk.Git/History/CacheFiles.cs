using Release.Sdk.Engine.Analysis;

namespace Release.Sdk.Git.History;

/// <summary>
/// How every cache file under <c>.git/release-sdk/</c> is written and cleaned up: a temp file renamed into place (a
/// reader never sees half a file), and no I/O problem ever fails a build — the cache is only an optimisation.
/// </summary>
internal static class CacheFiles
{
    /// <summary>
    /// A payload and its checksum written straight to the file (see <see cref="ChecksummedWriter"/>), nothing of it
    /// buffered whole. <paramref name="writePayload"/> runs twice: once to measure the payload, whose length seeds the checksum.
    /// </summary>
    /// <returns>The checksum written; null when the file could not be written (it is then left as it was).</returns>
    public static ulong? TryWriteChecksummed(string path, Action<Stream> writePayload)
    {
        var length = ChecksummedWriter.Measure(writePayload);
        ulong checksum = 0;
        return TryWriteAtomically(path, file => checksum = WriteChecksummed(file, length, writePayload)) ? checksum : null;
    }

    /// <summary>The bytes <see cref="TryWriteChecksummed"/> writes, in memory.</summary>
    public static byte[] Checksummed(Action<Stream> writePayload)
    {
        var length = ChecksummedWriter.Measure(writePayload);
        using var content = new MemoryStream((int)Math.Min(length + 8, Array.MaxLength));
        WriteChecksummed(content, length, writePayload);
        return content.ToArray();
    }

    private static ulong WriteChecksummed(Stream target, long payloadLength, Action<Stream> writePayload)
    {
        var writer = new ChecksummedWriter(target, payloadLength);
        writePayload(writer);
        return writer.Finish();
    }

    /// <returns>false when the file could not be written (it is then left as it was).</returns>
    private static bool TryWriteAtomically(string path, Action<FileStream> write)
    {
        string? temp = null;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                write(file);
            File.Move(temp, path, overwrite: true);
            temp = null;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            if (temp is not null) TryDelete(temp);
        }
    }

    /// <summary>Deletes the files matching <paramref name="pattern"/> beyond the <paramref name="max"/> most recently
    /// written, <paramref name="keep"/> always counted among those kept.</summary>
    public static void KeepNewest(string directory, string pattern, string keep, int max)
    {
        try
        {
            var stale = new DirectoryInfo(directory).GetFiles(pattern)
                .Where(f => f.FullName != Path.GetFullPath(keep))
                .OrderByDescending(f => f.LastWriteTimeUtc)
                .Skip(max - 1);
            foreach (var file in stale) TryDelete(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>A file kept per analyzer fingerprint: <c>release-sdk/{stem}-HASH.bin</c> (the full fingerprint is inside).</summary>
    public static string PerFingerprint(string commonGitDirectory, string stem, string fingerprint) =>
        Path.Combine(commonGitDirectory, "release-sdk", $"{stem}-{RevertKeys.Of(fingerprint, null):x16}.bin");

    /// <summary>After <paramref name="path"/> was written: the newest <paramref name="max"/> files of its <paramref name="stem"/> are kept.</summary>
    public static void KeepNewestPerFingerprint(string path, string stem, int max) =>
        KeepNewest(Path.GetDirectoryName(path)!, $"{stem}-*.bin", path, max);

    public static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
