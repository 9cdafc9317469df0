using System.Text;
using Release.Sdk.Git.History;

namespace Release.Sdk.Git.Tests;

/// <summary>Messages kept in shared chunks must read back byte for byte, across chunk ends and beyond a chunk's size.</summary>
public sealed class Utf8ArenaTests
{
    [Fact]
    public void EveryRunReadsBackAsItWasAcrossChunksAndLongerThanAChunk()
    {
        var arena = new Utf8Arena();
        var random = new Random(7);
        var written = new List<byte[]>();
        var kept = new List<ReadOnlyMemory<byte>>();
        // ~3 MiB of runs of 0..4,000 bytes, one of 1.5 MiB (longer than a chunk) and empty ones among them.
        for (var i = 0; i < 1500; i++)
        {
            var run = new byte[i == 700 ? 3 << 19 : random.Next(0, 4000)];
            random.NextBytes(run);
            written.Add(run);
            kept.Add(arena.Append(run));
        }

        for (var i = 0; i < written.Count; i++) Assert.True(written[i].AsSpan().SequenceEqual(kept[i].Span), $"run {i}");
    }

    [Fact]
    public void AMessageKeptAsBytesGoesIntoTheStoreAndItsFileUnchangedEvenWhenItIsNotUtf8()
    {
        var when = new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.FromHours(2));
        // "feat: caf\xE9" in Latin-1: not UTF-8. git log would show it through its encoding header; the store keeps
        // the bytes and gives the string UTF-8 decoding gives (U+FFFD), as when the message came as a string.
        byte[] latin1 = [.. "feat: caf"u8, 0xE9, .. "\n\nbody ü\n"u8];
        var arena = new Utf8Arena();
        var asBytes = new CommitDetails("Ann", "ann@example.com", arena.Append(latin1), when);
        var asString = new CommitDetails("Ann", "ann@example.com", Encoding.UTF8.GetString(latin1), when);
        Assert.Equal(asString.Message, asBytes.Message);

        var store = new CommitStore("");
        store.Add([new RawCommit(TestKeys.Of(1), [], when, asBytes), new RawCommit(TestKeys.Of(2), [TestKeys.Of(1)], when, asString)]);
        var loaded = CommitStoreFile.Parse(CommitStoreFile.Serialize(store), "")!;

        Assert.True(loaded.TryGetIndex(TestKeys.Of(1), out var fromBytes));
        Assert.True(loaded.TryGetIndex(TestKeys.Of(2), out var fromString));
        Assert.Equal(asString.Message, loaded.MessageOf(loaded[fromBytes]));
        Assert.Equal(asString.Message, loaded.MessageOf(loaded[fromString]));
        Assert.Contains('\uFFFD', loaded.MessageOf(loaded[fromBytes]));
    }
}
