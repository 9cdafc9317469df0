using System.Buffers.Text;
using System.IO.Compression;

namespace Release.Sdk.Git.History;

/// <summary>
/// Reads a commit stored as a loose object (<c>objects/ab/cdef…</c>, zlib-deflated <c>commit &lt;size&gt;\0…</c>)
/// without libgit2. Commits made since the last <c>git gc</c> are loose, so the build right after a commit reads its
/// new commit this way in well under a millisecond instead of going through libgit2's object machinery. The message
/// is decoded as UTF-8 like every other reader here (LibGit2Sharp and <see cref="GitCliCommitReader"/> do the same).
/// Anything unusual (a packed object, a malformed header) gives null and the caller asks libgit2.
/// </summary>
internal static class LooseCommitReader
{
    // A commit object beyond this is not worth reading by hand (huge messages are rare; libgit2 handles them).
    private const int MaxSize = 1 << 20;

    public static RawCommit? TryRead(string commonGitDirectory, ObjectKey id, IReadOnlySet<ObjectKey> shallowBoundary)
    {
        var sha = id.ToSha();
        var path = Path.Combine(commonGitDirectory, "objects", sha[..2], sha[2..]);
        byte[] content;
        try
        {
            if (!File.Exists(path)) return null;
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096);
            using var zlib = new ZLibStream(file, CompressionMode.Decompress);
            using var inflated = new MemoryStream();
            zlib.CopyTo(inflated);
            if (inflated.Length > MaxSize) return null;
            content = inflated.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null;
        }
        return Parse(id, content, shallowBoundary);
    }

    /// <summary>Parses an inflated loose object: "commit &lt;size&gt;\0" then the commit's header lines, a blank line, the message.</summary>
    internal static RawCommit? Parse(ObjectKey id, ReadOnlySpan<byte> content, IReadOnlySet<ObjectKey> shallowBoundary)
    {
        var nul = content.IndexOf((byte)0);
        if (nul < 0 || !content.StartsWith("commit "u8)) return null;
        var sizeText = content["commit "u8.Length..nul];
        if (!Utf8Parser.TryParse(sizeText, out int size, out var consumed) || consumed != sizeText.Length || size != content.Length - nul - 1)
            return null;
        var body = content[(nul + 1)..];
        var parents = new CommitHeader.Parents();
        if (!CommitHeader.TryParse(body, parents, out _)) return null;

        var details = GitCliCommitReader.ParseCommit(body);
        if (details is null) return null;
        // git hides the parents of a shallow boundary commit; so do we (as CommitReader does).
        return new RawCommit(id, shallowBoundary.Contains(id) ? [] : parents.ToArray(), details.CommitterDate, details);
    }
}
