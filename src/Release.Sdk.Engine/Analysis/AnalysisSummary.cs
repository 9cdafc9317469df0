namespace Release.Sdk.Engine.Analysis;

/// <summary>What a build needs from the analysis: the bump and how many release-relevant commits of each type.</summary>
/// <param name="CountByType">Release-relevant commits by conventional type, e.g. {feat: 3, fix: 2}.</param>
/// <param name="ReleasingCommits">Commits that ask for a release (typed or not), after revert cancellation.</param>
internal sealed record AnalysisSummary(ReleaseType Bump, IReadOnlyDictionary<string, int> CountByType, int ReleasingCommits)
{
    public static AnalysisSummary Empty { get; } = new(ReleaseType.None, new Dictionary<string, int>(), 0);

    /// <summary>
    /// The summary of two ranges analyzed apart. Only sound when no commit of either range cancels one of the other
    /// (see <see cref="CommitAnalyzer.Summarize"/>), since then cancellation never crosses the two.
    /// </summary>
    public AnalysisSummary Plus(AnalysisSummary other)
    {
        var counts = new Dictionary<string, int>(CountByType, StringComparer.Ordinal);
        foreach (var (type, count) in other.CountByType) counts[type] = counts.GetValueOrDefault(type) + count;
        return new AnalysisSummary(Bump > other.Bump ? Bump : other.Bump, counts, ReleasingCommits + other.ReleasingCommits);
    }
}
