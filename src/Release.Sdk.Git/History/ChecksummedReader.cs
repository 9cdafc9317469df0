using System.Buffers.Binary;
using System.Text;

namespace Release.Sdk.Git.History;

/// <summary>
/// Reads a cache file's payload from a stream section by section, folding every byte into its checksum
/// (<see cref="ChecksumFold"/>) — so a many-megabyte file is never held in memory at once next to the tables built from it.
/// </summary>
internal sealed class ChecksummedReader
{
    private readonly Stream _stream;
    private readonly long _payloadLength;
    private long _consumed;
    private ChecksumFold _checksum;

    /// <param name="payloadLength">The length of the payload the checksum covers (the file without its trailing checksum).</param>
    public ChecksummedReader(Stream stream, long payloadLength)
    {
        _stream = stream;
        _payloadLength = payloadLength;
        _checksum = new ChecksumFold(payloadLength);
    }

    public long Remaining => _payloadLength - _consumed;

    public void ReadExactly(Span<byte> destination)
    {
        if (destination.Length > Remaining) throw new InvalidDataException("section runs past the payload");
        _stream.ReadExactly(destination);
        _consumed += destination.Length;
        _checksum.Add(destination);
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

    /// <summary>The payload's checksum, once <see cref="Verify"/> has run.</summary>
    public ulong Checksum { get; private set; }

    /// <summary>True when the whole payload was read and the stored checksum that follows it matches.</summary>
    public bool Verify()
    {
        if (Remaining != 0) return false;
        var hash = _checksum.Finish();
        Span<byte> stored = stackalloc byte[8];
        _stream.ReadExactly(stored);
        Checksum = hash;
        return BinaryPrimitives.ReadUInt64LittleEndian(stored) == hash;
    }
}
