using System.Text;
using Release.Sdk.Git.History;
using Release.Sdk.TestKit;

namespace Release.Sdk.Git.Tests;

/// <summary>
/// Cache files are written as they go (no buffer the size of the file) and their checksum folded in on the way; a first
/// build without tags reserves the store's room before its walk. None of it may change a byte of what is kept.
/// </summary>
public sealed class CacheFileWritingTests
{
    private static readonly DateTimeOffset When = new(2024, 6, 1, 12, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public void TheChecksumFoldedInPiecesOfAnySizeIsTheChecksumOfTheWhole()
    {
        var random = new Random(11);
        for (var round = 0; round < 200; round++)
        {
            var data = new byte[random.Next(0, 300)];
            random.NextBytes(data);
            var fold = new ChecksumFold(data.Length);
            for (var at = 0; at < data.Length;)
            {
                var piece = Math.Min(random.Next(0, 20), data.Length - at);
                fold.Add(data.AsSpan(at, piece));
                at += piece;
            }

            Assert.Equal(ChecksumFold.Of(data), fold.Finish());
            if (data.Length == 0) continue;
            var damaged = (byte[])data.Clone();
            damaged[random.Next(damaged.Length)] ^= 0x10;
            Assert.NotEqual(ChecksumFold.Of(data), ChecksumFold.Of(damaged));
            Assert.NotEqual(ChecksumFold.Of(data), ChecksumFold.Of([.. data, 0]));
        }
    }

    [Fact]
    public void AStoreFileWrittenAsItGoesHoldsTheSameBytesAsInMemoryAndReadsBack()
    {
        using var repo = new TempGitRepo();
        var store = StoreOf(Listing(300));
        var path = Path.Combine(repo.Path, ".git", "release-sdk", "history-v3.bin");

        var identity = CommitStoreFile.TryWrite(path, StoreImage.Of(store));

        Assert.NotNull(identity);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(CommitStoreFile.Serialize(store), bytes);
        Assert.Equal(BitConverter.ToUInt64(bytes, bytes.Length - 8), identity.Checksum);
        var loaded = CommitStoreFile.TryLoad(path, "")!;
        Assert.Equal(Contents(store), Contents(loaded));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void APayloadThatComesOutAtAnotherLengthThanMeasuredIsNotWrittenAndLeavesNothingBehind()
    {
        using var repo = new TempGitRepo();
        var path = Path.Combine(repo.Path, ".git", "release-sdk", "file.bin");
        var calls = 0;

        var checksum = CacheFiles.TryWriteChecksummed(path, stream => stream.Write(new byte[++calls * 10]));

        Assert.Null(checksum);
        Assert.Equal(2, calls);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void RoomReservedForAListingChangesNothingTheStoreHoldsOrWrites()
    {
        var listing = Listing(2000);
        var plain = StoreOf(listing);
        var reserved = new CommitStore("");
        // More than the listing needs, as an estimate from the packs may be; and less, as it may be too.
        reserved.Reserve(5000, 1 << 20);
        reserved.Add(listing);
        var underReserved = new CommitStore("");
        underReserved.Reserve(100, 1000);
        underReserved.Add(listing);

        // Room reserved again in a store that holds commits keeps them all, and findable.
        reserved.Reserve(70_000, 1000);
        Assert.All(listing, c => Assert.True(reserved.TryGetIndex(c.Id, out _)));
        Assert.Equal(Contents(plain), Contents(reserved));
        Assert.Equal(Contents(plain), Contents(underReserved));
        // Written, only the id index may be larger (room for the commits reserved for); entries and messages are as they were.
        Assert.Equal(Contents(plain), Contents(CommitStoreFile.Parse(CommitStoreFile.Serialize(reserved), "")!));
        Assert.Equal(CommitStoreFile.Serialize(plain), CommitStoreFile.Serialize(underReserved));
    }

    [Fact]
    public void AnImageSharesEntriesOnlyWhenNoneCanBeRewrittenAndIsUnchangedByWhatTheStoreDoesAfter()
    {
        // A listing with every message: entries are final, the image shares them; appending after it changes nothing in it.
        var store = StoreOf(Listing(500));
        var image = StoreImage.Of(store);
        var expected = Contents(store);
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(image.Entries, out var shared));
        Assert.Same(store.Entries.Items, shared.Array);
        store.Add([new RawCommit(TestKeys.Of(9999), [TestKeys.Of(500)], When, null)]);
        Assert.Equal(expected, Contents(LoadedFrom(image)));

        // Commits without details (from the commit-graph) get them later, in place: the image must be a copy.
        var partial = new CommitStore("");
        partial.Add([new RawCommit(TestKeys.Of(2), [TestKeys.Of(1)], When, null), new RawCommit(TestKeys.Of(1), [], When, null)]);
        var before = StoreImage.Of(partial);
        var entriesBefore = before.Entries.ToArray();
        partial.SetDetails(0, new CommitDetails("A", "a@example.com", "feat: later", When));
        Assert.False(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(before.Entries, out var copied) && ReferenceEquals(copied.Array, partial.Entries.Items));
        Assert.Equal(entriesBefore, before.Entries.ToArray());
        // Once every entry has its details, they are final.
        partial.SetDetails(1, new CommitDetails("A", "a@example.com", "fix: later", When));
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(StoreImage.Of(partial).Entries, out var final));
        Assert.Same(partial.Entries.Items, final.Array);
    }

    private static CommitStore LoadedFrom(StoreImage image)
    {
        using var repo = new TempGitRepo();
        var path = Path.Combine(repo.Path, ".git", "release-sdk", "history-v3.bin");
        Assert.NotNull(CommitStoreFile.TryWrite(path, image));
        return CommitStoreFile.TryLoad(path, "")!;
    }

    /// <summary>Newest first, as a walk lists them: each commit's parent is the next one; messages as bytes and as strings.</summary>
    private static List<RawCommit> Listing(int count)
    {
        var arena = new Utf8Arena();
        var commits = new List<RawCommit>();
        for (var i = count; i >= 1; i--)
        {
            var message = $"feat(part{i % 7}): change {i} ü\n\nbody {i}\n";
            var details = i % 3 == 0
                ? new CommitDetails($"Author {i % 5}", $"a{i % 5}@example.com", message, When.AddMinutes(i))
                : new CommitDetails($"Author {i % 5}", $"a{i % 5}@example.com", arena.Append(Encoding.UTF8.GetBytes(message)), When.AddMinutes(i));
            commits.Add(new RawCommit(TestKeys.Of(i), i > 1 ? [TestKeys.Of(i - 1)] : [], When.AddMinutes(i), details));
        }
        return commits;
    }

    private static CommitStore StoreOf(List<RawCommit> listing)
    {
        var store = new CommitStore("");
        store.Add(listing);
        return store;
    }

    private static List<string> Contents(CommitStore store) =>
        [.. Enumerable.Range(0, store.Count).Select(i =>
        {
            var e = store[i];
            return $"{e.Id.ToSha()} {string.Join(",", store.ParentsOf(i).ToArray())} {e.CommitterSeconds} {store.MessageOf(e)}";
        })];
}
