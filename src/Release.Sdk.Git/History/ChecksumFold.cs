using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Release.Sdk.Git.History;

/// <summary>
/// The cache files' checksum (fast, not cryptographic: it only has to catch torn or damaged files), folded in as the
/// bytes go by: a many-megabyte file is checksummed while it is read or written, never held whole in a buffer for it.
/// The payload's length seeds it, so a file cut at a word boundary does not check out.
/// </summary>
internal struct ChecksumFold(long payloadLength)
{
    private const ulong Prime = 0x100000001B3UL;
    private ulong _hash = 0xCBF29CE484222325UL ^ (ulong)payloadLength;
    private ulong _pendingWord;
    private int _pendingBytes;

    /// <summary>The checksum of <paramref name="data"/> as a whole payload.</summary>
    public static ulong Of(ReadOnlySpan<byte> data)
    {
        var fold = new ChecksumFold(data.Length);
        fold.Add(data);
        return fold.Finish();
    }

    /// <summary>Folds in the next bytes of the payload: 8-byte words, with any bytes short of a word kept for the next call.</summary>
    public void Add(ReadOnlySpan<byte> data)
    {
        while (_pendingBytes > 0 && _pendingBytes < 8 && !data.IsEmpty)
        {
            _pendingWord |= (ulong)data[0] << (8 * _pendingBytes);
            _pendingBytes++;
            data = data[1..];
        }
        if (_pendingBytes == 8)
        {
            Mix(_pendingWord);
            _pendingWord = 0;
            _pendingBytes = 0;
        }
        if (data.IsEmpty) return;
        var words = MemoryMarshal.Cast<byte, ulong>(data);
        foreach (var w in words) Mix(w);
        foreach (var b in data[(words.Length * 8)..])
        {
            _pendingWord |= (ulong)b << (8 * _pendingBytes);
            _pendingBytes++;
        }
    }

    /// <summary>The checksum of everything added (the bytes short of a last word are folded one by one).</summary>
    public readonly ulong Finish()
    {
        var hash = _hash;
        for (var i = 0; i < _pendingBytes; i++) hash = (hash ^ (byte)(_pendingWord >> (8 * i))) * Prime;
        return hash;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Mix(ulong word) => _hash = (BitOperations.RotateLeft(_hash ^ word, 29) * Prime) + 0x9E3779B97F4A7C15UL;
}
