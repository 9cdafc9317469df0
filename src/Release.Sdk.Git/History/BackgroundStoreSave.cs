namespace Release.Sdk.Git.History;

/// <summary>
/// A first build's store file, written on a thread of its own from the moment the history is imported: a 100k-commit
/// file is tens of milliseconds of copying, checksumming and writing that otherwise ran after the engine had finished,
/// while the second core had nothing to do.
/// </summary>
internal sealed class BackgroundStoreSave
{
    private readonly Task<(StoreFileIdentity? File, int UnsavedFacts)> _writing;

    private BackgroundStoreSave(string path, CommitStore store) =>
        _writing = Task.Factory.StartNew(() =>
        {
            // The image is taken here, not by the caller: its copies are ~10 ms of a first build that the engine's
            // thread can spend on its own work meanwhile (it waits only if it needs the store before the copy is done).
            StoreImage image;
            lock (store) image = StoreImage.Of(store);
            return (CommitStoreFile.TryWrite(path, image), image.UnsavedFacts);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Starts writing <paramref name="store"/> as it will be when the caller releases its lock.</summary>
    public static BackgroundStoreSave Start(string path, CommitStore store) => new(path, store);

    public bool IsCompleted => _writing.IsCompleted;

    /// <summary>Waits for the write (call it without holding the store's lock).</summary>
    public void Wait() => ((IAsyncResult)_writing).AsyncWaitHandle.WaitOne();

    /// <summary>Records the written file in <paramref name="store"/> (the caller holds its lock).</summary>
    /// <returns>Whether the file was written.</returns>
    public bool Apply(CommitStore store)
    {
        if (_writing.IsFaulted || _writing.Result is not ({ } file, var unsavedFacts)) return false;
        store.MarkSaved(file, unsavedFacts);
        return true;
    }
}
