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

    // Forwarded untimed: the engine's use of it is engine time. (Without it, phase breakdowns ran with no analysis cache.)
    public IAnalyzedCommitCache? AnalyzedCommits => inner.AnalyzedCommits;

    public TimeSpan Total => Spent.Values.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Elapsed);

    private T Timed<T>(string member, Func<T> call)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            return call();
        }
        finally
        {
            var (elapsed, calls) = Spent.GetValueOrDefault(member);
            Spent[member] = (elapsed + stopwatch.Elapsed, calls + 1);
        }
    }
}
