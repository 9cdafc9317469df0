namespace Release.Sdk.Engine.Analysis;

/// <summary>What a build needs from the analysis: the bump and how many release-relevant commits of each type.</summary>
/// <param name="CountByType">Release-relevant commits by conventional type, e.g. {feat: 3, fix: 2}.</param>
/// <param name="ReleasingCommits">Commits that ask for a release (typed or not), after revert cancellation.</param>
internal sealed record AnalysisSummary(ReleaseType Bump, IReadOnlyDictionary<string, int> CountByType, int ReleasingCommits)
{
    public static AnalysisSummary Empty { get; } = new(ReleaseType.None, new Dictionary<string, int>(), 0);
}
