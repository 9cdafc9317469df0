using System.Diagnostics;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.History;

namespace Release.Sdk.Benchmarks;

/// <summary>Forwards to the real history and adds up the time spent in each member, so the engine's own time is the rest.</summary>
internal sealed class TimedHistory(IRepositoryHistory inner) : IRepositoryHistory
{
    public Dictionary<string, (TimeSpan Elapsed, int Calls)> Spent { get; } = new(StringComparer.Ordinal);

    public RepositoryState State => Timed(nameof(State), () => inner.State);

    public IReadOnlyList<GitBranch> Branches => Timed(nameof(Branches), () => inner.Branches);

    public IReadOnlyList<GitTag> Tags => Timed(nameof(Tags), () => inner.Tags);

    public IReadOnlySet<string> TagsReachableFrom(string commitSha) =>
        Timed(nameof(TagsReachableFrom), () => inner.TagsReachableFrom(commitSha));

    public IReadOnlyList<CommitInfo> CommitsSince(string headSha, IReadOnlyCollection<string> excludeShas) =>
        Timed(nameof(CommitsSince), () => inner.CommitsSince(headSha, excludeShas));

    public bool WalkHitsShallowBoundary(string headSha, IReadOnlyCollection<string> excludeShas) =>
        Timed(nameof(WalkHitsShallowBoundary), () => inner.WalkHitsShallowBoundary(headSha, excludeShas));

    // Forwarded and timed per member (as "cache.*"), though the engine's use of it counts as engine time.
    // (Without it, phase breakdowns ran with no analysis cache.)
    public IAnalyzedCommitCache? AnalyzedCommits => inner.AnalyzedCommits is { } cache ? _cache ??= new TimedCache(cache, this) : null;

    private TimedCache? _cache;

    /// <summary>Time in the analysis cache, which is part of the engine's time (not subtracted from it).</summary>
    public Dictionary<string, (TimeSpan Elapsed, int Calls)> CacheSpent { get; } = new(StringComparer.Ordinal);

    private sealed class TimedCache(IAnalyzedCommitCache inner, TimedHistory owner) : IAnalyzedCommitCache
    {
        public bool[] Lookup(IReadOnlyList<CommitInfo> commits, string fingerprint, AnalyzedCommit[] facts) =>
            owner.Timed(owner.CacheSpent, nameof(Lookup), () => inner.Lookup(commits, fingerprint, facts));

        public void Store(IReadOnlyList<CommitInfo> commits, string fingerprint, IReadOnlyList<int> positions, IReadOnlyList<AnalyzedCommit> facts) =>
            owner.Timed(owner.CacheSpent, nameof(Store), () => { inner.Store(commits, fingerprint, positions, facts); return 0; });

        public bool TryFindSummary(IReadOnlyList<CommitInfo> commits, string fingerprint, out int start, out AnalysisSummary summary)
        {
            var (found, s, sum) = owner.Timed(owner.CacheSpent, nameof(TryFindSummary),
                () => (inner.TryFindSummary(commits, fingerprint, out var a, out var b), a, b));
            (start, summary) = (s, sum);
            return found;
        }

        public void StoreSummary(IReadOnlyList<CommitInfo> commits, string fingerprint, AnalysisSummary summary) =>
            owner.Timed(owner.CacheSpent, nameof(StoreSummary), () => { inner.StoreSummary(commits, fingerprint, summary); return 0; });
    }

    public TimeSpan Total => Spent.Values.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Elapsed);

    private T Timed<T>(string member, Func<T> call) => Timed(Spent, member, call);

    private T Timed<T>(Dictionary<string, (TimeSpan Elapsed, int Calls)> spent, string member, Func<T> call)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            return call();
        }
        finally
        {
            var (elapsed, calls) = spent.GetValueOrDefault(member);
            spent[member] = (elapsed + stopwatch.Elapsed, calls + 1);
        }
    }
}
