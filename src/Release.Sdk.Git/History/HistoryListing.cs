using Release.Sdk.Git.History.Packs;

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
    private readonly Task<List<RawCommit>?>? _background;

    private HistoryListing(GitCliTopology.PendingListing[] parts) => _parts = parts;

    private HistoryListing(Task<List<RawCommit>?> background, bool hasDetails, bool readsPacks)
    {
        _parts = [];
        _background = background;
        HasDetails = hasDetails;
        ReadsPacks = readsPacks;
    }

    /// <summary>Whether the commits listed come with their details (messages, authors).</summary>
    public bool HasDetails { get; }

    /// <summary>What the packs' index says of the commits to come, when the packs are read directly (null otherwise).</summary>
    public CommitSample? Sample { get; private init; }

    /// <summary>Whether the pack files are read directly (<see cref="PackedHistory"/>), so messages are best read that way too.</summary>
    public bool ReadsPacks { get; }

    /// <param name="tagTargets">What the repository's tags point at (any object git can peel to a commit), by tag name.</param>
    /// <param name="head">HEAD's commit as the ref files say (null when they could not tell): without tags, the listing
    /// reads details too and starts there.</param>
    /// <param name="directories">When given, the packs are read directly if they can be (<see cref="PackedHistory"/>),
    /// git being the fallback; else git lists.</param>
    /// <returns>null when git could not be started.</returns>
    public static HistoryListing? Start(string gitDirectory, IReadOnlyList<(string Name, string Target)> tagTargets, ObjectKey? head = null,
        GitDirectories? directories = null, IReadOnlySet<ObjectKey>? shallowBoundary = null)
    {
        var middle = MiddleTag(tagTargets);
        // Without any tag, every commit since the first is a commit since the last release: the engine will need all
        // their messages, so the listing reads them in the same pass.
        var withDetails = tagTargets.Count == 0 && head is not null;
        if (directories is not null && head is { } first && PackedObjects.TryOpen(directories.CommonDirectory) is { } objects)
        {
            ObjectKey[] starts = middle is not null && ObjectKey.TryParse(middle, out var half) ? [first, half] : [first];
            // Sampled here rather than in the walk's task: the estimate lets the caller make room for the listing
            // before the walk fills the heap (see CommitStore.Reserve).
            var sample = starts.Length == 1 ? PackedHistory.TrySample(objects) : null;
            return new HistoryListing(Task.Factory.StartNew(
                () =>
                {
                    List<RawCommit>? read;
                    using (objects)
                        read = PackedHistory.TryRead(objects, directories.CommonDirectory, starts, shallowBoundary ?? new HashSet<ObjectKey>(), withDetails, sample?.Middle);
                    return read ?? ListWithGit(gitDirectory, withDetails ? first : null, middle);
                },
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default), withDetails, readsPacks: true) { Sample = sample };
        }
        if (withDetails)
        {
            var start = head!.Value;
            return new HistoryListing(Task.Factory.StartNew(() => GitCliLogReader.TryRead(gitDirectory, [start], []),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default), hasDetails: true, readsPacks: false);
        }
        var parts = StartParts(gitDirectory, middle);
        return parts is null ? null : new HistoryListing(parts);
    }

    /// <summary>git's listing, for when the packs could not be read after all (waits for it).</summary>
    private static List<RawCommit>? ListWithGit(string gitDirectory, ObjectKey? detailsFrom, string? middle)
    {
        if (detailsFrom is { } start) return GitCliLogReader.TryRead(gitDirectory, [start], []);
        var parts = StartParts(gitDirectory, middle);
        if (parts is null) return null;
        using var listing = new HistoryListing(parts);
        return listing.Result();
    }

    private static GitCliTopology.PendingListing[]? StartParts(string gitDirectory, string? middle)
    {
        var parts = middle is null
            ? [GitCliTopology.Start(gitDirectory, "HEAD")]
            : new[] { GitCliTopology.Start(gitDirectory, middle), GitCliTopology.Start(gitDirectory, "HEAD", "--not", middle) };
        if (parts.All(p => p is not null)) return [.. parts.Select(p => p!)];
        foreach (var p in parts) p?.Dispose();
        return null;
    }

    /// <returns>Every commit listed, each once; null when a part failed (the caller then reads without it).</returns>
    public List<RawCommit>? Result()
    {
        if (_background is not null)
        {
            try { return _background.Result; }
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
        // An array sort, not OrderBy: this runs before the walk can start, and LINQ's sort over tuples is generic code
        // over our types that no ReadyToRun image holds.
        var names = new string[tagTargets.Count];
        for (var i = 0; i < names.Length; i++) names[i] = tagTargets[i].Name;
        Array.Sort(names, NaturalOrder.Instance);
        var middle = names[names.Length / 2];
        foreach (var (name, target) in tagTargets)
            if (name == middle) return target;
        return null;
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
