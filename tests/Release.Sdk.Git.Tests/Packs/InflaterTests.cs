using System.IO.Compression;
using Release.Sdk.Git.History.Packs;

namespace Release.Sdk.Git.Tests.Packs;

/// <summary>The hand-written zlib decoder against .NET's own compressor: every block type, every level, partial output.</summary>
public sealed class InflaterTests
{
    public static TheoryData<string, CompressionLevel> Inputs()
    {
        var data = new TheoryData<string, CompressionLevel>();
        foreach (var kind in new[] { "empty", "commit", "text", "random", "runs", "large-text" })
        foreach (var level in new[] { CompressionLevel.NoCompression, CompressionLevel.Fastest, CompressionLevel.Optimal, CompressionLevel.SmallestSize })
            data.Add(kind, level);
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void InflatesWhatZlibDeflated(string kind, CompressionLevel level)
    {
        var original = Sample(kind);
        var compressed = Deflate(original, level);
        var output = new byte[original.Length];

        var written = new Inflater().Inflate(compressed, output);

        Assert.Equal(original.Length, written);
        Assert.Equal(original, output);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void StopsWhenTheOutputIsFull(string kind, CompressionLevel level)
    {
        var original = Sample(kind);
        var compressed = Deflate(original, level);
        var inflater = new Inflater();
        foreach (var size in new[] { 0, 1, 7, 100, 257, original.Length / 2 })
        {
            if (size > original.Length) continue;
            var output = new byte[size];
            Assert.Equal(size, inflater.Inflate(compressed, output));
            Assert.Equal(original.AsSpan(0, size).ToArray(), output);
        }
    }

    [Fact]
    public void OneInstanceDecodesManyStreamsInTurn()
    {
        var inflater = new Inflater();
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var original = Commit(random);
            var output = new byte[original.Length];
            Assert.Equal(original.Length, inflater.Inflate(Deflate(original, i % 2 == 0 ? CompressionLevel.Optimal : CompressionLevel.Fastest), output));
            Assert.Equal(original, output);
        }
    }

    [Fact]
    public void CorruptOrTruncatedInputIsInvalidDataNeverACrash()
    {
        var original = Sample("text");
        var compressed = Deflate(original, CompressionLevel.Optimal);
        var random = new Random(11);
        var inflater = new Inflater();
        Assert.Throws<InvalidDataException>(() => inflater.Inflate([0x12, 0x34, 0x56], new byte[10]));
        for (var i = 0; i < 500; i++)
        {
            var broken = compressed.ToArray();
            if (i % 2 == 0) broken = broken[..random.Next(2, broken.Length)];
            else broken[random.Next(2, broken.Length)] ^= (byte)(1 << random.Next(8));
            try
            {
                inflater.Inflate(broken, new byte[original.Length]);
            }
            catch (InvalidDataException)
            {
                // A clear rejection is the expected outcome; any other exception type fails the test.
            }
        }
    }

    /// <summary>
    /// Past the end of its input the decoder reads zero bytes (so the hot loop has no end test per symbol): whatever a
    /// cut stream gives must then be a true prefix of the original or an error, never bytes made from those zeros.
    /// </summary>
    [Theory]
    [InlineData("commit", CompressionLevel.Optimal)]
    [InlineData("text", CompressionLevel.Fastest)]
    [InlineData("random", CompressionLevel.Optimal)]
    [InlineData("runs", CompressionLevel.SmallestSize)]
    public void AStreamCutAnywhereGivesATruePrefixOrAnErrorNeverBytesFromPastItsEnd(string kind, CompressionLevel level)
    {
        var original = Sample(kind);
        var compressed = Deflate(original, level);
        var inflater = new Inflater();
        // Without its 4-byte checksum the stream is still whole; every shorter cut takes deflate data away.
        for (var cut = 2; cut < compressed.Length - 4; cut++)
        {
            var output = new byte[original.Length];
            int written;
            try
            {
                written = inflater.Inflate(compressed.AsSpan(0, cut), output);
            }
            catch (InvalidDataException)
            {
                continue;
            }
            Assert.True(written < original.Length, $"cut at {cut} of {compressed.Length} gave the whole output");
            Assert.Equal(original.AsSpan(0, written).ToArray(), output.AsSpan(0, written).ToArray());
        }
    }

    private static byte[] Deflate(byte[] data, CompressionLevel level)
    {
        // ZLibStream writes nothing at all for no input; these are what zlib itself writes (a stored and a fixed block).
        if (data.Length == 0) return level == CompressionLevel.NoCompression
            ? [0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x01]
            : [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01];
        using var memory = new MemoryStream();
        using (var zlib = new ZLibStream(memory, level, leaveOpen: true)) zlib.Write(data);
        return memory.ToArray();
    }

    private static byte[] Sample(string kind)
    {
        var random = new Random(kind.GetHashCode(StringComparison.Ordinal) & 0xFFFF);
        return kind switch
        {
            "empty" => [],
            "commit" => Commit(random),
            "text" => System.Text.Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Range(0, 200).Select(i => $"line {i}: feat(scope{i % 7}): ünïcode {random.Next()}"))),
            "random" => RandomBytes(random, 70_000),
            "runs" => [.. Enumerable.Range(0, 50_000).Select(i => (byte)(i / 1000 % 3))],
            "large-text" => System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i % 97} {(char)('a' + i % 26)} "))),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static byte[] Commit(Random random) => System.Text.Encoding.UTF8.GetBytes(
        $"tree {Hex(random)}\nparent {Hex(random)}\nauthor Ada Lovelace <ada@example.com> {1_700_000_000 + random.Next()} +0100\n" +
        $"committer Ada Lovelace <ada@example.com> {1_700_000_000 + random.Next()} +0100\n\nfix(parser): handle {random.Next()} cases\n\nBody text {random.Next()}.\n");

    private static string Hex(Random random) => Convert.ToHexStringLower(RandomBytes(random, 20));

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
