using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using System.Runtime.CompilerServices;

namespace Release.Sdk.Git.History.Packs;

/// <summary>
/// One pack (<c>objects/pack/pack-*.pack</c>) with its version-2 index, memory-mapped read-only. Finds objects by id
/// and hands out the raw bytes of an entry; decoding is <see cref="PackedObjects"/>'. Thread-safe for reading.
/// Mapped only for the duration of one history read: on Windows a mapping would stop <c>git gc</c> from deleting the
/// pack. See https://git-scm.com/docs/gitformat-pack.
/// </summary>
internal sealed unsafe class PackFile : IDisposable
{
    private const int IndexHeader = 8;
    private const int FanoutSize = 256 * 4;

    private readonly MappedFile _indexFile;
    private readonly MappedFile _packFile;
    private readonly int _count;
    private readonly long _idsStart;
    private readonly long _offsetsStart;
    private readonly long _largeOffsetsStart;

    public long Length => _packFile.Length;

    private PackFile(MappedFile indexFile, MappedFile packFile, int count)
    {
        _indexFile = indexFile;
        _packFile = packFile;
        _count = count;
        _idsStart = IndexHeader + FanoutSize;
        _offsetsStart = _idsStart + count * (ObjectKey.Size + 4L);
        _largeOffsetsStart = _offsetsStart + count * 4L;
    }

    /// <returns>null when the pair is not a version-2 SHA-1 index with a version-2/3 pack of the same object count.</returns>
    public static PackFile? TryOpen(string indexPath)
    {
        var index = MappedFile.Open(indexPath);
        MappedFile? pack = null;
        try
        {
            var header = index.Span(0, (int)Math.Min(index.Length, IndexHeader + FanoutSize));
            if (header.Length < IndexHeader + FanoutSize || BinaryPrimitives.ReadUInt32BigEndian(header) != 0xFF744F63 ||
                BinaryPrimitives.ReadUInt32BigEndian(header[4..]) != 2) return Fail();
            var count = BinaryPrimitives.ReadUInt32BigEndian(header[(IndexHeader + FanoutSize - 4)..]);
            // ids, CRCs, 4-byte offsets, then two SHA-1 checksums: anything shorter is not a SHA-1 index of this count.
            var minimum = IndexHeader + FanoutSize + count * (ObjectKey.Size + 4L + 4L) + 2 * ObjectKey.Size;
            if (count > int.MaxValue / 32 || index.Length < minimum) return Fail();

            pack = MappedFile.Open(Path.ChangeExtension(indexPath, ".pack"));
            if (pack.Length < 12 + ObjectKey.Size) return Fail();
            var packHeader = pack.Span(0, 12);
            var version = BinaryPrimitives.ReadUInt32BigEndian(packHeader[4..]);
            if (!packHeader[..4].SequenceEqual("PACK"u8) || version is not (2 or 3) || BinaryPrimitives.ReadUInt32BigEndian(packHeader[8..]) != count)
                return Fail();
            return new PackFile(index, pack, (int)count);
        }
        catch
        {
            Fail();
            throw;
        }

        PackFile? Fail()
        {
            index.Dispose();
            pack?.Dispose();
            return null;
        }
    }

    /// <summary>How many objects the pack holds; positions run from 0 to this, in id order.</summary>
    public int Count => _count;

    /// <returns>The object's position in the index, or -1 when this pack does not hold it.</returns>
    /// <remarks>Ids are uniformly distributed, so the search interpolates: about two probes into a 400k-entry index
    /// (each a likely cache miss) instead of a dozen for a binary search.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: full JIT at once, not ReadyToRun code (see class remarks)
    public int Find(ObjectKey id)
    {
        var first = (int)(id.High >> 56);
        var fanout = _indexFile.Span(IndexHeader, FanoutSize);
        var low = first == 0 ? 0 : (int)BinaryPrimitives.ReadUInt32BigEndian(fanout[((first - 1) * 4)..]);
        var high = (int)BinaryPrimitives.ReadUInt32BigEndian(fanout[(first * 4)..]) - 1;
        if (high >= _count || low > high + 1) throw new InvalidDataException("corrupt pack index fanout");
        // Below the fanout byte, the next 8 bytes of the id as a number in [0, 2^56): where in the bucket it should be.
        var target = id.High & 0x00FFFFFFFFFFFFFF;
        var lowKey = 0UL;
        var highKey = 0x00FFFFFFFFFFFFFFUL;
        while (low <= high)
        {
            int probe;
            if (high - low < 8 || highKey <= lowKey || target < lowKey || target > highKey) probe = (int)((uint)(low + high) >> 1);
            else
            {
                var fraction = (double)(target - lowKey) / (highKey - lowKey);
                probe = Math.Clamp(low + (int)(fraction * (high - low)), low, high);
            }
            var candidate = ObjectKey.FromBytes(_indexFile.Span(_idsStart + (long)probe * ObjectKey.Size, ObjectKey.Size));
            var c = candidate.CompareTo(id);
            if (c == 0) return probe;
            var key = candidate.High & 0x00FFFFFFFFFFFFFF;
            if (c < 0)
            {
                low = probe + 1;
                lowKey = key;
            }
            else
            {
                high = probe - 1;
                highKey = key;
            }
        }
        return -1;
    }

    /// <summary>The id of the object at <paramref name="position"/> in the index.</summary>
    public ObjectKey IdAt(int position) => ObjectKey.FromBytes(_indexFile.Span(_idsStart + (long)position * ObjectKey.Size, ObjectKey.Size));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: full JIT at once, not ReadyToRun code (see class remarks)
    public long OffsetAt(int position)
    {
        var small = BinaryPrimitives.ReadUInt32BigEndian(_indexFile.Span(_offsetsStart + position * 4L, 4));
        if ((small & 0x80000000) == 0) return small;
        var at = _largeOffsetsStart + (long)(small & 0x7FFFFFFF) * 8;
        if (at + 8 > _indexFile.Length) throw new InvalidDataException("corrupt pack index offset");
        return (long)BinaryPrimitives.ReadUInt64BigEndian(_indexFile.Span(at, 8));
    }

    /// <summary>The pack's bytes from <paramref name="offset"/> on (at most 2 GiB; the trailing checksum excluded).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: full JIT at once, not ReadyToRun code (see class remarks)
    public ReadOnlySpan<byte> From(long offset)
    {
        var end = Length - ObjectKey.Size;
        if (offset < 12 || offset >= end) throw new InvalidDataException("pack offset out of range");
        return _packFile.Span(offset, (int)Math.Min(end - offset, int.MaxValue));
    }

    public void Dispose()
    {
        _indexFile.Dispose();
        _packFile.Dispose();
    }

    /// <summary>A whole file mapped read-only; spans over it live as long as the mapping.</summary>
    private sealed class MappedFile : IDisposable
    {
        private readonly MemoryMappedFile _map;
        private readonly MemoryMappedViewAccessor _view;
        private readonly byte* _start;

        public long Length { get; }

        private MappedFile(MemoryMappedFile map, MemoryMappedViewAccessor view, long length)
        {
            _map = map;
            _view = view;
            Length = length;
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            _start = pointer + view.PointerOffset;
        }

        public static MappedFile Open(string path)
        {
            // git may replace packs while we read (gc): sharing delete lets it, and the mapping keeps our view intact.
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
            var length = stream.Length;
            if (length == 0)
            {
                stream.Dispose();
                throw new InvalidDataException($"{path} is empty");
            }
            var map = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            try
            {
                return new MappedFile(map, map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read), length);
            }
            catch
            {
                map.Dispose();
                throw;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ReadOnlySpan<byte> Span(long offset, int length)
        {
            if (offset < 0 || length < 0 || offset + length > Length) throw new InvalidDataException("read beyond the end of a pack file");
            return new ReadOnlySpan<byte>(_start + offset, length);
        }

        public void Dispose()
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _map.Dispose();
        }
    }
}
