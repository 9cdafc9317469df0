using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Release.Sdk.Git.History;

/// <summary>
/// Reads a cache file's payload from a stream section by section, folding every byte into the same checksum
/// <see cref="CommitStoreFile.Checksum"/> computes over a whole buffer — so a many-megabyte file is never held in
/// memory at once next to the tables built from it.
/// </summary>
internal sealed class ChecksummedReader
{
    private const ulong Prime = 0x100000001B3UL;
    private readonly Stream _stream;
    private readonly long _payloadLength;
    private long _consumed;
    private ulong _hash;
    private ulong _pendingWord;
    private int _pendingBytes;

    /// <param name="payloadLength">The length of the payload the checksum covers (the file without its trailing checksum).</param>
    public ChecksummedReader(Stream stream, long payloadLength)
    {
        _stream = stream;
        _payloadLength = payloadLength;
        _hash = 0xCBF29CE484222325UL ^ (ulong)payloadLength;
    }

    public long Remaining => _payloadLength - _consumed;

    public void ReadExactly(Span<byte> destination)
    {
        if (destination.Length > Remaining) throw new InvalidDataException("section runs past the payload");
        _stream.ReadExactly(destination);
        _consumed += destination.Length;
        Fold(destination);
    }

    public int ReadInt32()
    {
        Span<byte> b = stackalloc byte[4];
        ReadExactly(b);
        return BinaryPrimitives.ReadInt32LittleEndian(b);
    }

    public byte ReadByte()
    {
        Span<byte> b = stackalloc byte[1];
        ReadExactly(b);
        return b[0];
    }

    /// <summary>A string as <see cref="BinaryWriter.Write(string)"/> lays it out (7-bit encoded byte length, UTF-8).</summary>
    public string ReadString()
    {
        var length = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (shift > 28) throw new InvalidDataException("bad string length");
            var b = ReadByte();
            length |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) break;
        }
        if (length < 0 || length > Remaining) throw new InvalidDataException("string runs past the payload");
        if (length == 0) return "";
        Span<byte> small = length <= 256 ? stackalloc byte[length] : default;
        var bytes = length <= 256 ? small : new byte[length];
        ReadExactly(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>True when the whole payload was read and the stored checksum that follows it matches.</summary>
    /// <summary>The payload's checksum, once <see cref="Verify"/> has run.</summary>
    public ulong Checksum { get; private set; }

    public bool Verify()
    {
        if (Remaining != 0) return false;
        var hash = _hash;
        for (var i = 0; i < _pendingBytes; i++) hash = (hash ^ (byte)(_pendingWord >> (8 * i))) * Prime;
        Span<byte> stored = stackalloc byte[8];
        _stream.ReadExactly(stored);
        Checksum = hash;
        return BinaryPrimitives.ReadUInt64LittleEndian(stored) == hash;
    }

    private void Fold(ReadOnlySpan<byte> data)
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Mix(ulong word) => _hash = (BitOperations.RotateLeft(_hash ^ word, 29) * Prime) + 0x9E3779B97F4A7C15UL;
}
