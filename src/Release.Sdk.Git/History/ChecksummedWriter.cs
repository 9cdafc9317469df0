using System.Buffers.Binary;

namespace Release.Sdk.Git.History;

/// <summary>
/// Writes a cache file's payload through to a stream, folding every byte into its checksum (<see cref="ChecksumFold"/>),
/// then the checksum after it: the writing side of <see cref="ChecksummedReader"/>. A first build's store file is
/// ~20 MB; building it in a buffer first was a large-object allocation that brought on a full collection of a heap
/// holding 100k just-read commits.
/// </summary>
internal sealed class ChecksummedWriter : WriteOnlyStream
{
    private readonly Stream _inner;
    private readonly long _payloadLength;
    private ChecksumFold _checksum;
    private long _written;

    /// <param name="payloadLength">The payload's exact length (it seeds the checksum): see <see cref="Measure"/>.</param>
    public ChecksummedWriter(Stream inner, long payloadLength)
    {
        _inner = inner;
        _payloadLength = payloadLength;
        _checksum = new ChecksumFold(payloadLength);
    }

    /// <summary>How many bytes <paramref name="writePayload"/> writes, counted without keeping them.</summary>
    public static long Measure(Action<Stream> writePayload)
    {
        using var counter = new LengthCounter();
        writePayload(counter);
        return counter.Count;
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_written + buffer.Length > _payloadLength) throw new IOException("the payload came out longer than it measured");
        _checksum.Add(buffer);
        _inner.Write(buffer);
        _written += buffer.Length;
    }

    /// <summary>Writes the checksum after the payload, which must be complete.</summary>
    public ulong Finish()
    {
        if (_written != _payloadLength) throw new IOException("the payload came out shorter than it measured");
        var checksum = _checksum.Finish();
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, checksum);
        _inner.Write(bytes);
        return checksum;
    }

    public override void Flush() => _inner.Flush();

    private sealed class LengthCounter : WriteOnlyStream
    {
        public long Count { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer) => Count += buffer.Length;

        public override void Flush()
        {
        }
    }
}

/// <summary>A stream that only takes bytes (what <see cref="BinaryWriter"/> needs); every write comes as a span.</summary>
internal abstract class WriteOnlyStream : Stream
{
    public abstract override void Write(ReadOnlySpan<byte> buffer);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
