using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.History;

namespace Release.Sdk.Engine.Tests.Analysis;

/// <summary><see cref="CommitAnalyzer.Summarize"/> (the build's path, with or without cached facts) against the full analysis.</summary>
public class SummaryTests
{
    private static string Sha(int n) => n.ToString("x40");

    private static readonly CommitInfo Feat = new(Sha(1), "feat: add a thing");
    private static readonly CommitInfo Fix = new(Sha(2), "fix: repair it");
    private static readonly CommitInfo RevertOfFix = new(Sha(3), $"Revert \"fix: repair it\"\n\nThis reverts commit {Sha(2)}.");
    private static readonly CommitInfo RevertOfOutside = new(Sha(4), $"revert: fix: gone\n\nThis reverts commit {Sha(99)}.");
    private static readonly CommitInfo Breaking = new(Sha(5), "refactor!: drop the old API");
    private static readonly CommitInfo Empty = new(Sha(6), "   \n");
    private static readonly CommitInfo Docs = new(Sha(7), "docs: readme");

    public static TheoryData<string> Histories() => new(["reverted fix", "revert outside range", "breaking", "nothing releasable", "twice reverted"]);

    private static IReadOnlyList<CommitInfo> History(string name) => name switch
    {
        "reverted fix" => [RevertOfFix, Docs, Fix, Feat],
        "revert outside range" => [RevertOfOutside, Docs, Empty],
        "breaking" => [Docs, Breaking, Fix, Empty],
        "nothing releasable" => [Docs, Empty],
        "twice reverted" => [RevertOfFix, new CommitInfo(Sha(8), RevertOfFix.Message), Fix],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static readonly AnalyzerOptions[] Configurations =
    [
        new(Preset.ConventionalCommits),
        new(Preset.Angular),
        new(Preset.ConventionalCommits, Rules.Seed, Rules.SeedNoteKeywords),
        new(Preset.Angular, [Rules.Rule("minor", ("type", "docs")), Rules.Rule("false", ("type", "feat"))]),
    ];

    internal static void AssertSame(AnalysisSummary expected, AnalysisSummary actual)
    {
        Assert.Equal(expected.Bump, actual.Bump);
        Assert.Equal(expected.ReleasingCommits, actual.ReleasingCommits);
        Assert.Equal(expected.CountByType.OrderBy(p => p.Key, StringComparer.Ordinal), actual.CountByType.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Histories))]
    public void SummaryMatchesTheFullAnalysisWithAndWithoutCache(string name)
    {
        var commits = History(name);
        foreach (var options in Configurations)
        {
            var expected = CommitAnalyzer.Analyze(commits, options).Summarize();
            var cache = new MemoryAnalyzedCommitCache();

            AssertSame(expected, CommitAnalyzer.Summarize(commits, options, null));
            AssertSame(expected, CommitAnalyzer.Summarize(commits, options, cache));
            AssertSame(expected, CommitAnalyzer.Summarize(commits, options, cache));
            Assert.Equal(commits.Count, cache.Stored);
        }
    }

    [Fact]
    public void LongHistoriesAnalyzedInParallelSummarizeTheSame()
    {
        var types = new[] { "feat", "fix", "docs", "perf", "chore(deps)", "refactor!" };
        var commits = Enumerable.Range(1, 9000).Select(n => n % 1000 == 0
                ? new CommitInfo(Sha(n), $"Revert \"{types[(n - 7) % types.Length]}: change {n - 7}\"\n\nThis reverts commit {Sha(n - 7)}.")
                : new CommitInfo(Sha(n), $"{types[n % types.Length]}: change {n}"))
            .Reverse()
            .ToList();
        Assert.Equal(18, CommitAnalyzer.Analyze(commits, new AnalyzerOptions()).Decisions.Count(d => d.CancelledBy is not null));
        foreach (var options in Configurations)
        {
            var cache = new MemoryAnalyzedCommitCache();

            AssertSame(CommitAnalyzer.Analyze(commits, options).Summarize(), CommitAnalyzer.Summarize(commits, options, cache));
            AssertSame(CommitAnalyzer.Analyze(commits, options).Summarize(), CommitAnalyzer.Summarize(commits, options, cache));
            Assert.Equal(commits.Count, cache.Stored);
        }
    }

    [Fact]
    public void OnlyCommitsTheCacheDoesNotKnowAreAnalyzed()
    {
        var cache = new MemoryAnalyzedCommitCache();
        var options = new AnalyzerOptions();
        CommitAnalyzer.Summarize([Docs, Fix, Feat], options, cache);

        var summary = CommitAnalyzer.Summarize([RevertOfFix, Docs, Fix, Feat], options, cache);

        Assert.Equal(4, cache.Stored);
        AssertSame(CommitAnalyzer.Analyze([RevertOfFix, Docs, Fix, Feat], options).Summarize(), summary);
        Assert.Equal(1, summary.ReleasingCommits);
    }

    [Fact]
    public void OnlyTheNewerCommitsAreAnalyzedOnTopOfARememberedSummary()
    {
        var cache = new MemoryAnalyzedCommitCache();
        var options = new AnalyzerOptions();
        CommitAnalyzer.Summarize([RevertOfFix, Docs, Fix, Feat], options, cache);
        IReadOnlyList<CommitInfo> later = [Breaking, Empty, RevertOfFix, Docs, Fix, Feat];

        var summary = CommitAnalyzer.Summarize(later, options, cache);

        Assert.Equal(1, cache.SummariesFound);
        Assert.Equal(6, cache.Stored);
        AssertSame(CommitAnalyzer.Analyze(later, options).Summarize(), summary);
        Assert.Equal(ReleaseType.Major, summary.Bump);
        Assert.Equal(2, summary.ReleasingCommits);
    }

    [Fact]
    public void ANewRevertIsFoldedWithTheWholeListNotAddedToTheRememberedSummary()
    {
        var cache = new MemoryAnalyzedCommitCache();
        var options = new AnalyzerOptions();
        CommitAnalyzer.Summarize([Docs, Fix, Feat], options, cache);
        IReadOnlyList<CommitInfo> later = [RevertOfFix, Docs, Fix, Feat];

        var summary = CommitAnalyzer.Summarize(later, options, cache);

        AssertSame(CommitAnalyzer.Analyze(later, options).Summarize(), summary);
        Assert.Equal(1, summary.ReleasingCommits);
        Assert.False(summary.CountByType.ContainsKey("fix"));
    }

    [Fact]
    public void TheSameListAgainIsTheRememberedSummaryWithoutAnyAnalysis()
    {
        var cache = new MemoryAnalyzedCommitCache();
        IReadOnlyList<CommitInfo> commits = [Breaking, Fix, Feat];
        var first = CommitAnalyzer.Summarize(commits, new AnalyzerOptions(), cache);

        var again = CommitAnalyzer.Summarize(commits, new AnalyzerOptions(), cache);

        Assert.Same(first, again);
        Assert.Equal(3, cache.Stored);
    }

    [Fact]
    public void ChangedRulesAreAnalyzedAgainNotTakenFromTheCache()
    {
        var cache = new MemoryAnalyzedCommitCache();
        IReadOnlyList<CommitInfo> commits = [Docs, Fix];
        Assert.Equal(ReleaseType.Patch, CommitAnalyzer.Summarize(commits, new AnalyzerOptions(), cache).Bump);

        var docsAreMinor = new AnalyzerOptions(Preset.ConventionalCommits, [Rules.Rule("minor", ("type", "docs"))]);

        Assert.Equal(ReleaseType.Minor, CommitAnalyzer.Summarize(commits, docsAreMinor, cache).Bump);
        Assert.Equal(4, cache.Stored);
    }

    [Fact]
    public void FingerprintChangesWithEveryAnalyzerOption()
    {
        AnalyzerOptions[] options =
        [
            new(Preset.ConventionalCommits),
            new(Preset.Angular),
            new(Preset.ConventionalCommits, NoteKeywords: ["BREAKING"]),
            new(Preset.ConventionalCommits, NoteKeywords: ["BREAKING", "X"]),
            new(Preset.ConventionalCommits, [Rules.Rule("minor", ("type", "docs"))]),
            new(Preset.ConventionalCommits, [Rules.Rule("patch", ("type", "docs"))]),
            new(Preset.ConventionalCommits, [Rules.Rule("patch", ("scope", "docs"))]),
            new(Preset.ConventionalCommits, [new ReleaseRule(new Dictionary<string, string>(), ReleaseType.Major, Breaking: true)]),
            new(Preset.ConventionalCommits, [new ReleaseRule(new Dictionary<string, string>(), ReleaseType.Major, Revert: true)]),
        ];

        var fingerprints = options.Select(AnalyzerFingerprint.Of).ToList();

        Assert.Equal(fingerprints.Count, fingerprints.Distinct().Count());
        Assert.Equal(AnalyzerFingerprint.Of(new AnalyzerOptions(Preset.Angular)), AnalyzerFingerprint.Of(new AnalyzerOptions(Preset.Angular)));
    }
}
