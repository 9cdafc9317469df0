using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;

namespace Release.Sdk.Git.History.Packs;

/// <summary>
/// A zlib (RFC 1950/1951) decoder for small objects, reusable across objects without allocating. A cold walk over a
/// 100k-commit pack inflates 100k tiny streams; <see cref="System.IO.Compression.ZLibStream"/> costs ~3 µs each in
/// stream and native-state setup alone, about as much as git's whole walk per commit. This decoder also stops as soon
/// as the output it was given is full: the walk needs only a commit's header lines, not its message.
/// Table-driven Huffman decoding after stb_image's zlib (9-bit fast table, canonical slow path).
/// Corrupt input throws <see cref="InvalidDataException"/>; the caller then reads through git.
/// </summary>
[SkipLocalsInit] // its stackalloc'd scratch (up to 700 bytes per Huffman table) is always written before it is read
internal sealed class Inflater
{
    private const int FastBits = 9;

    // Spans over data in the image, not static arrays: a static array read from a method compiled before the class
    // was initialised goes through a helper call each time.
    private static ReadOnlySpan<ushort> LengthBase => [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
    private static ReadOnlySpan<byte> LengthExtra => [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
    private static ReadOnlySpan<ushort> DistanceBase => [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
    private static ReadOnlySpan<byte> DistanceExtra => [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
    private static ReadOnlySpan<byte> CodeLengthOrder => [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

    private static readonly Huffman FixedLiterals = Huffman.Fixed(literals: true);
    private static readonly Huffman FixedDistances = Huffman.Fixed(literals: false);

    private readonly Huffman _literals = new(288);
    private readonly Huffman _distances = new(32);
    private readonly Huffman _codeLengths = new(19);
    private readonly byte[] _lengths = new byte[286 + 30];

    /// <summary>
    /// Inflates a zlib stream into <paramref name="output"/> until the stream ends or the output is full.
    /// </summary>
    /// <returns>How many bytes were written.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: full JIT at once, not ReadyToRun code (see class remarks)
    public int Inflate(ReadOnlySpan<byte> zlib, Span<byte> output)
    {
        if (zlib.Length < 2 || (zlib[0] & 0x0F) != 8 || ((zlib[0] << 8) | zlib[1]) % 31 != 0 || (zlib[1] & 0x20) != 0)
            throw new InvalidDataException("not a zlib stream");
        var bits = new BitReader(zlib, 2);
        var written = 0;
        bool last;
        do
        {
            last = bits.Take(1) == 1;
            switch (bits.Take(2))
            {
                case 0:
                    if (!Stored(ref bits, output, ref written)) return written;
                    break;
                case 1:
                    if (!Compressed(ref bits, output, ref written, FixedLiterals, FixedDistances)) return written;
                    break;
                case 2:
                    ReadDynamicTables(ref bits);
                    if (!Compressed(ref bits, output, ref written, _literals, _distances)) return written;
                    break;
                default:
                    throw new InvalidDataException("invalid deflate block type");
            }
        } while (!last);
        return written;
    }

    /// <returns>false when the output is full.</returns>
    private static bool Stored(ref BitReader bits, Span<byte> output, ref int written)
    {
        var header = bits.AlignedBytes(4);
        var length = BinaryPrimitives.ReadUInt16LittleEndian(header);
        var complement = BinaryPrimitives.ReadUInt16LittleEndian(header[2..]);
        if ((ushort)~length != complement) throw new InvalidDataException("corrupt stored block length");
        var block = bits.AlignedBytes(length);
        var copy = Math.Min(length, output.Length - written);
        block[..copy].CopyTo(output[written..]);
        written += copy;
        return copy == length;
    }

    /// <returns>false when the output is full.</returns>
    /// <remarks>The reader's state is copied into locals for the loop and back after it: through the <c>ref</c>, every
    /// bit taken was a load and a store in one long dependency chain (a third of a first build's inflating).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: full JIT at once, not ReadyToRun code (see class remarks)
    private static bool Compressed(ref BitReader reader, Span<byte> output, ref int written, Huffman literals, Huffman distances)
    {
        var input = reader.Input;
        var (position, bits, count, overrun) = (reader.Position, reader.Bits, reader.Count, reader.Overrun);
        var literalFast = literals.Fast;
        var literalMask = literals.Mask;
        var distanceFast = distances.Fast;
        var distanceMask = distances.Mask;
        var at = written;
        bool blockEnded;
        while (true)
        {
            // One symbol with its extra bits and its distance with its extra bits take at most 15+5+15+13 = 48 bits.
            if (count < 48) BitReader.Refill(input, ref position, ref bits, ref count, ref overrun);
            var symbol = Decode(literals, literalFast, literalMask, ref bits, ref count);
            if (symbol < 256)
            {
                if ((uint)at >= (uint)output.Length)
                {
                    blockEnded = false;
                    break;
                }
                output[at++] = (byte)symbol;
                continue;
            }
            if (symbol == 256)
            {
                blockEnded = true;
                break;
            }
            symbol -= 257;
            if (symbol >= LengthBase.Length) throw new InvalidDataException("invalid length code");
            var length = LengthBase[symbol] + Take(LengthExtra[symbol], ref bits, ref count);
            var distanceCode = Decode(distances, distanceFast, distanceMask, ref bits, ref count);
            if (distanceCode >= DistanceBase.Length) throw new InvalidDataException("invalid distance code");
            var distance = DistanceBase[distanceCode] + Take(DistanceExtra[distanceCode], ref bits, ref count);
            if (distance > at) throw new InvalidDataException("distance beyond the start of the output");
            var n = Math.Min(length, output.Length - at);
            var from = at - distance;
            // Matches in a commit are short: a plain loop beats a call into memmove (and handles overlap, distance < n).
            if (n > 32 && distance >= n) output.Slice(from, n).CopyTo(output[at..]);
            else for (var i = 0; i < n; i++) output[at + i] = output[from + i];
            at += n;
            if (n < length)
            {
                blockEnded = false;
                break;
            }
        }
        BitReader.CheckNotPastEnd(count, overrun);
        (reader.Position, reader.Bits, reader.Count, reader.Overrun) = (position, bits, count, overrun);
        written = at;
        return blockEnded;
    }

    /// <summary>The next symbol of <paramref name="table"/> (the caller made sure 15 bits are buffered).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Decode(Huffman table, ushort[] fast, int mask, ref ulong bits, ref int count)
    {
        int entry = fast[(int)bits & mask];
        if (entry != 0)
        {
            var length = entry >> FastBits;
            bits >>= length;
            count -= length;
            return entry & ((1 << FastBits) - 1);
        }
        var slow = table.DecodeSlow(bits);
        bits >>= slow >> 16;
        count -= slow >> 16;
        return slow & 0xFFFF;
    }

    /// <summary>The next <paramref name="n"/> bits (the caller made sure they are buffered).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Take(int n, ref ulong bits, ref int count)
    {
        var value = (int)(bits & ((1UL << n) - 1));
        bits >>= n;
        count -= n;
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: full JIT at once, not ReadyToRun code (see class remarks)
    private void ReadDynamicTables(ref BitReader bits)
    {
        var literalCount = bits.Take(5) + 257;
        var distanceCount = bits.Take(5) + 1;
        var codeLengthCount = bits.Take(4) + 4;
        if (literalCount > 286 || distanceCount > 30) throw new InvalidDataException("too many codes");
        Span<byte> codeLengths = stackalloc byte[19];
        codeLengths.Clear();
        for (var i = 0; i < codeLengthCount; i++) codeLengths[CodeLengthOrder[i]] = (byte)bits.Take(3);
        _codeLengths.Build(codeLengths);

        var total = literalCount + distanceCount;
        var lengths = _lengths.AsSpan(0, total);
        var n = 0;
        // As in Compressed: the reader's state in locals for the loop (a code length and its repeat take at most 7+7 bits).
        var input = bits.Input;
        var (position, buffered, count, overrun) = (bits.Position, bits.Bits, bits.Count, bits.Overrun);
        var lengthCode = _codeLengths;
        var fast = lengthCode.Fast;
        var mask = lengthCode.Mask;
        while (n < total)
        {
            if (count < 16) BitReader.Refill(input, ref position, ref buffered, ref count, ref overrun);
            var symbol = Decode(lengthCode, fast, mask, ref buffered, ref count);
            int repeat;
            byte value;
            switch (symbol)
            {
                case < 16:
                    lengths[n++] = (byte)symbol;
                    continue;
                case 16:
                    if (n == 0) throw new InvalidDataException("repeat without a previous length");
                    value = lengths[n - 1];
                    repeat = 3 + Take(2, ref buffered, ref count);
                    break;
                case 17:
                    value = 0;
                    repeat = 3 + Take(3, ref buffered, ref count);
                    break;
                case 18:
                    value = 0;
                    repeat = 11 + Take(7, ref buffered, ref count);
                    break;
                default:
                    throw new InvalidDataException("invalid code length code");
            }
            if (n + repeat > total) throw new InvalidDataException("code lengths overflow");
            // A loop, not Span.Fill: Fill is vectorized framework code that ReadyToRun images leave to the JIT, and a
            // first build's walk ran it as unoptimized code (repeats are at most 138 bytes).
            for (var end = n + repeat; n < end; n++) lengths[n] = value;
        }
        BitReader.CheckNotPastEnd(count, overrun);
        (bits.Position, bits.Bits, bits.Count, bits.Overrun) = (position, buffered, count, overrun);
        if (lengths[256] == 0) throw new InvalidDataException("no end-of-block code");
        _literals.Build(lengths[..literalCount]);
        _distances.Build(lengths[literalCount..]);
    }

    /// <summary>Deflate's bit stream, least significant bit first, buffered up to 64 bits at a time.</summary>
    /// <remarks>The hot loops copy the fields into locals and use the static <see cref="Refill(ReadOnlySpan{byte}, ref int, ref ulong, ref int, ref int)"/>.</remarks>
    private ref struct BitReader(ReadOnlySpan<byte> input, int position)
    {
        public readonly ReadOnlySpan<byte> Input = input;
        public int Position = position;
        public ulong Bits;
        public int Count;
        public int Overrun;

        public int Take(int count)
        {
            if (Count < count) Refill(Input, ref Position, ref Bits, ref Count, ref Overrun);
            var value = (int)(Bits & ((1UL << count) - 1));
            Bits >>= count;
            Count -= count;
            CheckNotPastEnd(Count, Overrun);
            return value;
        }

        public int Decode(Huffman table)
        {
            if (Count < 16) Refill(Input, ref Position, ref Bits, ref Count, ref Overrun);
            var symbol = Inflater.Decode(table, table.Fast, table.Mask, ref Bits, ref Count);
            CheckNotPastEnd(Count, Overrun);
            return symbol;
        }

        /// <summary>
        /// Past the input's end the buffer is topped up with zero bytes (<paramref name="overrun"/> of them), so the hot
        /// loops need no end test per symbol; taking any of those bits means the stream was cut short.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void CheckNotPastEnd(int count, int overrun)
        {
            if (count < overrun * 8) throw new InvalidDataException("truncated deflate stream");
        }

        /// <summary>Buffers at least 56 bits: as many whole bytes as fit, from one unaligned 8-byte read.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Refill(ReadOnlySpan<byte> input, ref int position, ref ulong bits, ref int count, ref int overrun)
        {
            if (position + 8 <= input.Length)
            {
                var word = BinaryPrimitives.ReadUInt64LittleEndian(input[position..]);
                var take = (63 - count) >> 3;
                bits |= (word & (ulong.MaxValue >> (64 - take * 8))) << count;
                position += take;
                count += take * 8;
                return;
            }
            // Near the end of the input: byte by byte, then zeros past it (see CheckNotPastEnd).
            while (count <= 56)
            {
                if (position < input.Length) bits |= (ulong)input[position++] << count;
                else overrun++;
                count += 8;
            }
        }

        /// <summary>Skips to the next byte boundary and takes <paramref name="length"/> whole bytes.</summary>
        public ReadOnlySpan<byte> AlignedBytes(int length)
        {
            // The bits of a partly used byte are dropped; whole unused bytes go back to the input.
            var unread = Count / 8 - Overrun;
            if (unread < 0) throw new InvalidDataException("truncated stored block");
            Position -= unread;
            Bits = 0;
            Count = 0;
            Overrun = 0;
            if (Position + length > Input.Length) throw new InvalidDataException("truncated stored block");
            var bytes = Input.Slice(Position, length);
            Position += length;
            return bytes;
        }
    }

    /// <summary>
    /// A canonical Huffman code: a fast table indexed by the next <see cref="Bits"/> bits (at most
    /// <see cref="FastBits"/>), comparisons for longer codes. A table only as wide as the longest code: the code-length
    /// and distance codes of a small object are short, and filling 512 entries for each would cost more than decoding.
    /// </summary>
    private sealed class Huffman(int symbols)
    {
        public readonly ushort[] Fast = new ushort[1 << FastBits];
        public int Mask;
        private int _bits;
        private readonly ushort[] _firstCode = new ushort[16];
        private readonly int[] _maxCode = new int[17];
        private readonly ushort[] _firstSymbol = new ushort[16];
        private readonly byte[] _size = new byte[symbols];
        private readonly ushort[] _value = new ushort[symbols];

        public static Huffman Fixed(bool literals)
        {
            var table = new Huffman(literals ? 288 : 32);
            Span<byte> lengths = stackalloc byte[literals ? 288 : 32];
            if (literals)
            {
                lengths[..144].Fill(8);
                lengths[144..256].Fill(9);
                lengths[256..280].Fill(7);
                lengths[280..].Fill(8);
            }
            else lengths.Fill(5);
            table.Build(lengths);
            return table;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: full JIT at once, not ReadyToRun code (see class remarks)
        public void Build(ReadOnlySpan<byte> lengths)
        {
            Span<int> sizes = stackalloc int[17];
            Span<int> nextCode = stackalloc int[16];
            sizes.Clear();
            // A commit uses a few dozen of the 286 literal/length symbols: the others (length 0) are skipped 16 at a
            // time instead of one unpredictable branch each. Symbols stay in ascending order, as canonical codes need.
            Span<ushort> used = stackalloc ushort[lengths.Length];
            var usedCount = UsedSymbols(lengths, used);
            used = used[..usedCount];
            var longest = 1;
            foreach (var symbol in used)
            {
                int l = lengths[symbol];
                sizes[l]++;
                if (l > longest) longest = l;
            }
            _bits = Math.Min(longest, FastBits);
            Mask = (1 << _bits) - 1;
            var fast = Fast.AsSpan(0, 1 << _bits);
            fast.Clear();
            sizes[0] = 0;
            for (var i = 1; i < 16; i++)
                if (sizes[i] > 1 << i) throw new InvalidDataException("bad code lengths");
            int code = 0, k = 0;
            for (var i = 1; i < 16; i++)
            {
                nextCode[i] = code;
                _firstCode[i] = (ushort)code;
                _firstSymbol[i] = (ushort)k;
                code += sizes[i];
                if (sizes[i] != 0 && code - 1 >= 1 << i) throw new InvalidDataException("over-subscribed code");
                _maxCode[i] = code << (16 - i);
                code <<= 1;
                k += sizes[i];
            }
            _maxCode[16] = 0x10000;
            var fastBits = _bits; // a local: the table writes below would make the JIT reload the field each time
            foreach (var symbol in used)
            {
                int s = lengths[symbol];
                var next = nextCode[s]++;
                if (s <= fastBits)
                {
                    var entry = (ushort)((s << FastBits) | symbol);
                    for (var j = Reverse(next, s); j < fast.Length; j += 1 << s) fast[j] = entry;
                }
                else
                {
                    var c = next - _firstCode[s] + _firstSymbol[s];
                    _size[c] = (byte)s;
                    _value[c] = (ushort)symbol;
                }
            }
        }

        /// <summary>Writes the symbols with a non-zero length into <paramref name="used"/>, ascending; returns how many.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int UsedSymbols(ReadOnlySpan<byte> lengths, Span<ushort> used)
        {
            var count = 0;
            var i = 0;
            if (Vector128.IsHardwareAccelerated)
            {
                ref var first = ref MemoryMarshal.GetReference(lengths);
                for (; i + Vector128<byte>.Count <= lengths.Length; i += Vector128<byte>.Count)
                {
                    var zero = Vector128.Equals(Vector128.LoadUnsafe(ref first, (nuint)i), Vector128<byte>.Zero);
                    var nonZero = ~zero.ExtractMostSignificantBits() & 0xFFFFu;
                    while (nonZero != 0)
                    {
                        used[count++] = (ushort)(i + BitOperations.TrailingZeroCount(nonZero));
                        nonZero &= nonZero - 1;
                    }
                }
            }
            for (; i < lengths.Length; i++)
            {
                if (lengths[i] != 0) used[count++] = (ushort)i;
            }
            return count;
        }

        /// <summary>A code longer than the fast table: the symbol in the low 16 bits, the code's length above them.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: full JIT at once, not ReadyToRun code (see class remarks)
        public int DecodeSlow(ulong bits)
        {
            var k = Reverse((int)(bits & 0xFFFF), 16);
            int s;
            for (s = _bits + 1; s < 16; s++)
                if (k < _maxCode[s]) break;
            if (s >= 16) throw new InvalidDataException("invalid Huffman code");
            var b = (k >> (16 - s)) - _firstCode[s] + _firstSymbol[s];
            if ((uint)b >= (uint)_size.Length || _size[b] != s) throw new InvalidDataException("invalid Huffman code");
            return (s << 16) | _value[b];
        }

        private static int Reverse(int value, int bits) => (int)(ReverseBits((uint)value) >> (32 - bits));

        private static uint ReverseBits(uint v)
        {
            v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
            v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
            v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
            return BinaryPrimitives.ReverseEndianness(v);
        }
    }
}
