namespace Release.Sdk.Git.History;

/// <summary>
/// A first build's store file, written on a thread of its own from the moment the history is imported: a 100k-commit
/// file is tens of milliseconds of copying, checksumming and writing that otherwise ran after the engine had finished,
/// while the second core had nothing to do.
/// </summary>
internal sealed class BackgroundStoreSave
{
    private readonly StoreImage _image;
    private readonly Task<StoreFileIdentity?> _writing;

    private BackgroundStoreSave(string path, StoreImage image)
    {
        _image = image;
        _writing = Task.Factory.StartNew(() => CommitStoreFile.TryWrite(path, image), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Starts writing <paramref name="store"/> as it is now (the caller holds its lock).</summary>
    public static BackgroundStoreSave Start(string path, CommitStore store) => new(path, StoreImage.Of(store));

    public bool IsCompleted => _writing.IsCompleted;

    /// <summary>Waits for the write (call it without holding the store's lock).</summary>
    public void Wait() => ((IAsyncResult)_writing).AsyncWaitHandle.WaitOne();

    /// <summary>Records the written file in <paramref name="store"/> (the caller holds its lock).</summary>
    /// <returns>Whether the file was written.</returns>
    public bool Apply(CommitStore store)
    {
        if (_writing.IsFaulted || _writing.Result is not { } file) return false;
        store.MarkSaved(file, _image.UnsavedFacts);
        return true;
    }
}
