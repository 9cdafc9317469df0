using System.Runtime.CompilerServices;

namespace Release.Sdk.Git.History;

/// <summary>
/// Keeps many short runs of bytes (commit messages) in a few large chunks instead of an array each: a first build's
/// walk reads 100k messages, and 100k small arrays alive until the store takes them are what the collector's full
/// collections spent their time on. Not thread-safe: one per walk.
/// </summary>
internal sealed class Utf8Arena
{
    // Large enough that the chunks are few; they live in the large object heap, which is never compacted (no copying).
    private const int ChunkSize = 1 << 20;

    private byte[] _chunk = [];
    private int _used;

    /// <summary>A copy of <paramref name="bytes"/> that stays valid as long as the memory returned is referenced.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the pack walk (see GitCliCommitReader.ParseCommit)
    public ReadOnlyMemory<byte> Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return ReadOnlyMemory<byte>.Empty;
        if (_used + bytes.Length > _chunk.Length)
        {
            // A message longer than a chunk gets a chunk of its own size; the rest of the current chunk is left unused.
            _chunk = GC.AllocateUninitializedArray<byte>(Math.Max(ChunkSize, bytes.Length));
            _used = 0;
        }
        bytes.CopyTo(_chunk.AsSpan(_used));
        var copy = new ReadOnlyMemory<byte>(_chunk, _used, bytes.Length);
        _used += bytes.Length;
        return copy;
    }
}
