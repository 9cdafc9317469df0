namespace Release.Sdk.Git.History;

/// <summary>
/// The first build's listing of HEAD's whole history, cut in two and walked by two git processes at once:
/// <c>rev-list X</c> and <c>rev-list HEAD --not X</c>, for a tag X about halfway down. Together they list exactly the
/// ancestors of HEAD (and of X, should X not be one): a commit either is an ancestor of X or is not. git's walk is
/// what a first build of a 100k-commit repository spends most of its time in, and it is single-threaded; two halves
/// on two cores take about half the time. The second half may repeat a few commits of the first when clock skew
/// makes git stop excluding late; they are dropped.
/// </summary>
internal sealed class HistoryListing : IDisposable
{
    private readonly GitCliTopology.PendingListing[] _parts;
    private readonly Task<List<RawCommit>?>? _logged;

    private HistoryListing(GitCliTopology.PendingListing[] parts) => _parts = parts;

    private HistoryListing(Task<List<RawCommit>?> logged)
    {
        _parts = [];
        _logged = logged;
    }

    /// <summary>Whether the commits listed come with their details (messages, authors).</summary>
    public bool HasDetails => _logged is not null;

    /// <param name="tagTargets">What the repository's tags point at (any object git can peel to a commit), by tag name.</param>
    /// <returns>null when git could not be started.</returns>
    /// <param name="head">HEAD's commit as the ref files say (null when they could not tell): without tags, the listing
    /// reads details too and starts there.</param>
    public static HistoryListing? Start(string gitDirectory, IReadOnlyList<(string Name, string Target)> tagTargets, ObjectKey? head = null)
    {
        // Without any tag, every commit since the first is a commit since the last release: the engine will need all
        // their messages, and one git log pass gives parents and messages at once (rev-list then cat-file inflate
        // every commit twice).
        if (tagTargets.Count == 0 && head is { } start)
        {
            return new HistoryListing(Task.Factory.StartNew(() => GitCliLogReader.TryRead(gitDirectory, [start], []),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        }
        var middle = MiddleTag(tagTargets);
        var parts = middle is null
            ? [GitCliTopology.Start(gitDirectory, "HEAD")]
            : new[] { GitCliTopology.Start(gitDirectory, middle), GitCliTopology.Start(gitDirectory, "HEAD", "--not", middle) };
        if (parts.Any(p => p is null))
        {
            foreach (var p in parts) p?.Dispose();
            return null;
        }
        return new HistoryListing([.. parts.Select(p => p!)]);
    }

    /// <returns>Every commit listed, each once; null when a part failed (the caller then reads without it).</returns>
    public List<RawCommit>? Result()
    {
        if (_logged is not null)
        {
            try { return _logged.Result; }
            catch (AggregateException) { return null; }
        }
        var first = _parts[0].Result();
        if (first is null || _parts.Length == 1) return first;
        var second = _parts[1].Result();
        return second is null ? null : Join(first, second);
    }

    /// <summary>Two halves of a history read as <c>X</c> and <c>… --not X</c>: the second may repeat a few commits of the
    /// first (clock skew makes git stop excluding late); they are dropped.</summary>
    internal static List<RawCommit> Join(List<RawCommit> lower, List<RawCommit> upper)
    {
        var listed = lower.Select(c => c.Id).ToHashSet();
        lower.AddRange(upper.Where(c => !listed.Contains(c.Id)));
        return lower;
    }

    public void Dispose()
    {
        foreach (var part in _parts) part.Dispose();
    }

    /// <summary>
    /// The tag whose name sorts in the middle, comparing digit runs as numbers: for the usual version tags, about
    /// halfway down the history. Any tag would be correct; a badly placed one only makes one half longer.
    /// </summary>
    internal static string? MiddleTag(IReadOnlyList<(string Name, string Target)> tagTargets)
    {
        // Below a few hundred commits a second git process costs more than it saves; tags are a rough proxy for size.
        if (tagTargets.Count < MinimumTags) return null;
        var ordered = tagTargets.OrderBy(t => t.Name, NaturalOrder.Instance).ToList();
        return ordered[ordered.Count / 2].Target;
    }

    private const int MinimumTags = 8;

    private sealed class NaturalOrder : IComparer<string>
    {
        public static readonly NaturalOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            if (x is null || y is null) return string.CompareOrdinal(x, y);
            int i = 0, j = 0;
            while (i < x.Length && j < y.Length)
            {
                if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
                {
                    int si = i, sj = j;
                    while (i < x.Length && char.IsAsciiDigit(x[i])) i++;
                    while (j < y.Length && char.IsAsciiDigit(y[j])) j++;
                    var a = x.AsSpan(si, i - si).TrimStart('0');
                    var b = y.AsSpan(sj, j - sj).TrimStart('0');
                    if (a.Length != b.Length) return a.Length.CompareTo(b.Length);
                    var c = a.SequenceCompareTo(b);
                    if (c != 0) return c;
                }
                else
                {
                    if (x[i] != y[j]) return x[i].CompareTo(y[j]);
                    i++;
                    j++;
                }
            }
            return (x.Length - i).CompareTo(y.Length - j);
        }
    }
}
