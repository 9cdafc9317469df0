namespace Release.Sdk.Git.History;

/// <summary>
/// What a <see cref="CommitStoreFile"/> holds, taken from a <see cref="CommitStore"/> under its lock (a few megabytes
/// copied) so that the file can be written without it, on another thread while the store is read and grows.
/// </summary>
internal sealed class StoreImage
{
    public required string ShallowFingerprint { get; init; }
    public required string? ImportedCommitGraph { get; init; }
    public required ReadOnlyMemory<CommitEntry> Entries { get; init; }
    public required int[] ParentIndices { get; init; }
    public required string[] Strings { get; init; }

    /// <summary>Not copied: the store only appends past the length taken here, or moves the bytes to a larger array.</summary>
    public required ReadOnlyMemory<byte> MessageBytes { get; init; }

    public required KeyValuePair<ObjectKey, ObjectKey?>[] PeeledTags { get; init; }
    public required ReachabilityMemo[] Memos { get; init; }
    public required long[] IndexSlots { get; init; }

    /// <summary>How many facts were unsaved when the image was taken (what writing it saves).</summary>
    public required int UnsavedFacts { get; init; }

    /// <summary>The store as it is now (the caller holds its lock).</summary>
    public static StoreImage Of(CommitStore store) => new()
    {
        ShallowFingerprint = store.ShallowFingerprint,
        ImportedCommitGraph = store.ImportedCommitGraph,
        // Entries are copied when details loaded later may rewrite one in place; when none can be (a first build's
        // listing came with every message), the table is shared as it is (6 MB at 100k commits, copied under the lock
        // that the engine's next question waited on).
        Entries = store.EntriesAreFinal ? store.Entries.Items.AsMemory(0, store.Count) : store.Entries.AsSpan().ToArray(),
        ParentIndices = [.. store.ParentIndices],
        Strings = [.. store.Strings],
        MessageBytes = store.MessageBuffer.AsMemory(0, store.MessageBytes.Length),
        PeeledTags = [.. store.PeeledTags],
        Memos = [.. store.Memos],
        IndexSlots = (long[])store.IndexSlots.Clone(),
        UnsavedFacts = store.UnsavedFacts,
    };
}
