namespace Release.Sdk.Engine.Analysis;

/// <summary>The analyzer's verdict over a range of commits: the highest release type, and every commit's decision (newest first).</summary>
internal sealed record AnalysisResult(ReleaseType Bump, IReadOnlyList<CommitDecision> Decisions)
{
    public static AnalysisResult Empty { get; } = new(ReleaseType.None, []);

    /// <summary>Counts of release-relevant commits by type, e.g. {feat: 3, fix: 2}, for the build summary line.</summary>
    public IReadOnlyDictionary<string, int> CountByType() => Decisions
        .Where(d => d.Release != ReleaseType.None && d.Commit.Type is not null)
        .GroupBy(d => d.Commit.Type!)
        .ToDictionary(g => g.Key, g => g.Count());

    public AnalysisSummary Summarize() => new(Bump, CountByType(), Decisions.Count(d => d.Release != ReleaseType.None));
}
