using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Release.Sdk.Git.History;

/// <summary>A 20-byte git object id as a value type: cheap to hash and store, unlike 40-char strings.</summary>
internal readonly record struct ObjectKey(ulong High, ulong Middle, uint Low)
{
    public const int Size = 20;

    /// <summary>Orders ids as git does (by their bytes), without touching them as bytes.</summary>
    public int CompareTo(ObjectKey other) =>
        High != other.High ? High.CompareTo(other.High) : Middle != other.Middle ? Middle.CompareTo(other.Middle) : Low.CompareTo(other.Low);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ObjectKey FromBytes(ReadOnlySpan<byte> raw) => new(
        BinaryPrimitives.ReadUInt64BigEndian(raw),
        BinaryPrimitives.ReadUInt64BigEndian(raw[8..]),
        BinaryPrimitives.ReadUInt32BigEndian(raw[16..]));

    public static bool TryParse(string? sha, out ObjectKey key)
    {
        key = default;
        if (sha is null || sha.Length != Size * 2) return false;
        Span<byte> raw = stackalloc byte[Size];
        if (Convert.FromHexString(sha, raw, out _, out var written) != System.Buffers.OperationStatus.Done || written != Size) return false;
        key = FromBytes(raw);
        return true;
    }

    /// <summary>Parses 40 lower- or upper-case hex digits given as ASCII bytes (git's output), without making a string.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called 100k times by a first build's pack walk (see PackedHistory)
    public static bool TryParseAscii(ReadOnlySpan<byte> hex, out ObjectKey key)
    {
        key = default;
        if (hex.Length != Size * 2) return false;
        // Three words filled digit by digit from a lookup table: no call per digit, no byte buffer.
        if (!TryParseHexWord(hex[..16], out var high) || !TryParseHexWord(hex[16..32], out var middle) ||
            !TryParseHexWord(hex[32..], out var low)) return false;
        key = new ObjectKey(high, middle, (uint)low);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryParseHexWord(ReadOnlySpan<byte> digits, out ulong value)
    {
        var table = HexDigits;
        value = 0;
        var bad = 0;
        foreach (var c in digits)
        {
            int d = table[c];
            bad |= d;
            value = value << 4 | (uint)(d & 0xF);
        }
        return (bad & 0x80) == 0;
    }

    /// <summary>Hex digit values by ASCII byte; 0xFF (high bit set) for anything else.</summary>
    private static ReadOnlySpan<byte> HexDigits =>
    [
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 10, 11, 12, 13, 14, 15, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 10, 11, 12, 13, 14, 15, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    ];

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, High);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], Middle);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], Low);
    }

    public byte[] ToBytes()
    {
        var raw = new byte[Size];
        WriteTo(raw);
        return raw;
    }

    /// <remarks>
    /// Written out rather than <c>Convert.ToHexStringLower</c>: its vectorized helpers are compiled at tier 0 in each new
    /// process and a first build turns 100k ids into strings before they tier up.
    /// </remarks>
    public string ToSha()
    {
        Span<char> text = stackalloc char[Size * 2];
        WriteSha(text);
        return new string(text);
    }

    /// <summary>The 40 hex digits of <see cref="ToSha"/> into <paramref name="destination"/>.</summary>
    public void WriteSha(Span<char> destination)
    {
        WriteHex(High, destination[..16]);
        WriteHex(Middle, destination[16..32]);
        WriteHex((ulong)Low << 32, destination[32..40]);
    }

    private static void WriteHex(ulong value, Span<char> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = "0123456789abcdef"[(int)(value >> 60)];
            value <<= 4;
        }
    }

    public override string ToString() => ToSha();

    // Object ids are SHA-1/SHA-256 prefixes, uniformly distributed: the first bytes are a perfect hash already, and a
    // loaded history cache puts 100k of them in a dictionary at once (the generated member-wise hash cost ~3× more).
    public bool Equals(ObjectKey other) => High == other.High && Middle == other.Middle && Low == other.Low;

    public override int GetHashCode() => (int)(High >> 32) ^ (int)High;
}
