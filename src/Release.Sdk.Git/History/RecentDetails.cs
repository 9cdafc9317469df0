namespace Release.Sdk.Git.History;

/// <summary>
/// A first build's read-ahead of the messages it is about to need: the commits reachable from HEAD and from no tag
/// (<c>git log HEAD --not &lt;tags&gt;</c>), read with their details in the background while git also lists the
/// whole history. The commits since the last release are among them in every ordinary history (the last release is a
/// tag), so the engine's walk then finds their messages already read instead of asking <c>git cat-file</c> for them
/// afterwards; in a history without any tag this is the whole history, read in the same pass. Whatever it misses is
/// read as before.
/// </summary>
internal sealed class RecentDetails
{
    private readonly Task<Dictionary<ObjectKey, CommitDetails>?> _reading;

    private RecentDetails(Task<Dictionary<ObjectKey, CommitDetails>?> reading) => _reading = reading;

    public static RecentDetails Start(string gitDirectory, ObjectKey head, IEnumerable<string> tagTargets)
    {
        var excluded = tagTargets.Select(t => ObjectKey.TryParse(t, out var key) ? key : (ObjectKey?)null)
            .OfType<ObjectKey>().Distinct().ToArray();
        return new RecentDetails(Task.Factory.StartNew(() =>
                GitCliLogReader.TryRead(gitDirectory, [head], excluded)?
                    .Where(c => c.Details is not null)
                    .ToDictionary(c => c.Id, c => c.Details!),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
    }

    /// <summary>Waits for the read-ahead; empty when git failed (the caller reads the details itself).</summary>
    public IReadOnlyDictionary<ObjectKey, CommitDetails> Result()
    {
        try { return _reading.Result ?? []; }
        catch (AggregateException) { return new Dictionary<ObjectKey, CommitDetails>(); }
    }
}
