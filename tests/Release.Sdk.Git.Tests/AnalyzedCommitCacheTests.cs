using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.History;
using Release.Sdk.Engine.Versioning;
using Release.Sdk.Git.History;
using Release.Sdk.TestKit;

namespace Release.Sdk.Git.Tests;

/// <summary>The persistent cache of analyzed commits: a build's summary must be what a full analysis gives, on every path.</summary>
public sealed class AnalyzedCommitCacheTests
{
    private static readonly Dictionary<string, string?> NoCi = [];

    private static VersionDecision ComputeAsNewProcess(TempGitRepo repo, ReleaseConfigOverrides? overrides = null)
    {
        HistoryCaches.Forget(Histories.DirectoriesOf(repo));
        return VersionComputation.Compute(repo.Path, overrides ?? ReleaseConfigOverrides.None, null, NoCi, false);
    }

    private static string CacheDirectory(TempGitRepo repo) => Path.GetDirectoryName(Histories.CacheFile(repo))!;

    private static string[] AnalysisFiles(TempGitRepo repo) =>
        Directory.Exists(CacheDirectory(repo)) ? Directory.GetFiles(CacheDirectory(repo), "analysis-*.bin") : [];

    /// <summary>The summary the build used against the full, uncached analysis of the same commits.</summary>
    private static void AssertSummaryIsTheFullAnalysis(TempGitRepo repo, VersionDecision decision) => Histories.Check(repo, () =>
    {
        var full = decision.Analysis.Summarize();
        Assert.Equal(full.Bump, decision.Summary.Bump);
        Assert.Equal(full.Bump, decision.Bump);
        Assert.Equal(full.ReleasingCommits, decision.Summary.ReleasingCommits);
        Assert.Equal(full.CountByType.OrderBy(p => p.Key), decision.Summary.CountByType.OrderBy(p => p.Key));
    });

    private static TempGitRepo RepoWithReverts()
    {
        var repo = new TempGitRepo();
        repo.Commit("feat: first");
        repo.Tag("v1.0.0");
        var fix = repo.Commit("fix: crash on start");
        repo.Commit("feat: export");
        repo.Commit($"Revert \"fix: crash on start\"\n\nThis reverts commit {fix}.");
        repo.Commit("revert: feat: never here\n\nThis reverts commit 0123456789012345678901234567890123456789.");
        repo.Commit("perf(core)!: faster start\n\nBREAKING CHANGE: config moved");
        repo.Commit("docs: readme");
        return repo;
    }

    [Fact]
    public void RevertsAndBreakingChangesSummarizeTheSameFromTheCacheFile()
    {
        using var repo = RepoWithReverts();

        var cold = ComputeAsNewProcess(repo);
        var fromFile = ComputeAsNewProcess(repo);
        var inProcess = VersionComputation.Compute(repo.Path, ReleaseConfigOverrides.None, null, NoCi, false);

        Assert.Single(AnalysisFiles(repo));
        foreach (var decision in new[] { cold, fromFile, inProcess })
        {
            AssertSummaryIsTheFullAnalysis(repo, decision);
            Assert.Equal("2.0.0", decision.NextVersion);
            Assert.Equal(2, decision.Summary.CountByType["feat"] + decision.Summary.CountByType["revert"]);
            Assert.Equal(VersionSummary.Format(cold), VersionSummary.Format(decision));
        }
    }

    [Fact]
    public void OnlyTheNewCommitIsAnalyzedByTheNextProcess()
    {
        using var repo = RepoWithReverts();
        ComputeAsNewProcess(repo);
        repo.Commit("fix: one more");
        var options = new AnalyzerOptions();

        using var history = Histories.OpenAsNewProcess(repo);
        var commits = history.CommitsSince(history.State.HeadSha!, [history.Tags.Single().CommitSha]);
        var counting = new CountingCache(history.AnalyzedCommits);
        var summary = CommitAnalyzer.Summarize(commits, options, counting);

        Assert.Equal(1, counting.Stored);
        Assert.Equal(CommitAnalyzer.Analyze(commits, options).Summarize().CountByType.OrderBy(p => p.Key), summary.CountByType.OrderBy(p => p.Key));
        var byShaList = new CountingCache(history.AnalyzedCommits);
        CommitAnalyzer.Summarize(commits.ToList(), options, byShaList);
        Assert.Equal(0, byShaList.Stored);
    }

    [Fact]
    public void TheProcessAfterACommitExtendsTheRememberedSummaryWithOnlyTheNewCommit()
    {
        using var repo = RepoWithReverts();
        ComputeAsNewProcess(repo);
        repo.Commit("feat(api)!: one more\n\nBREAKING CHANGE: gone");
        var options = new AnalyzerOptions();

        using var history = Histories.OpenAsNewProcess(repo);
        var commits = history.CommitsSince(history.State.HeadSha!, [history.Tags.Single().CommitSha]);
        var counting = new CountingCache(history.AnalyzedCommits);
        var summary = CommitAnalyzer.Summarize(commits, options, counting);

        Assert.Equal([1], counting.SummaryStarts);
        SummaryIsTheFullAnalysis(CommitAnalyzer.Analyze(commits, options).Summarize(), summary);
        Assert.Single(Directory.GetFiles(CacheDirectory(repo), "summary-*.bin"));
        var again = ComputeAsNewProcess(repo);
        AssertSummaryIsTheFullAnalysis(repo, again);
    }

    [Fact]
    public void ARememberedSummaryServesOnlyTheSameCommitsInTheSameOrder()
    {
        using var repo = new TempGitRepo();
        var shas = Enumerable.Range(1, 4).Select(n => repo.Commit($"fix: change {n}")).ToArray();
        CommitInfo C(int n) => new(shas[n], $"fix: change {n + 1}");
        using var history = Histories.OpenAsNewProcess(repo);
        var cache = history.AnalyzedCommits;
        var remembered = new AnalysisSummary(ReleaseType.Patch, new Dictionary<string, int> { ["fix"] = 3 }, 3);
        cache.StoreSummary([C(2), C(1), C(0)], "fp", remembered);

        Assert.True(cache.TryFindSummary([C(3), C(2), C(1), C(0)], "fp", out var start, out var found));
        Assert.Equal(1, start);
        Assert.Same(remembered, found);
        Assert.True(cache.TryFindSummary([C(2), C(1), C(0)], "fp", out start, out _));
        Assert.Equal(0, start);
        Assert.False(cache.TryFindSummary([C(3), C(2), C(0), C(1)], "fp", out _, out _));
        Assert.False(cache.TryFindSummary([C(3), C(1), C(0)], "fp", out _, out _));
        Assert.False(cache.TryFindSummary([C(3), C(2), C(1), C(0)], "other fingerprint", out _, out _));
    }

    [Fact]
    public void DamagedSummaryFileIsIgnored()
    {
        using var repo = RepoWithReverts();
        ComputeAsNewProcess(repo);
        var file = Assert.Single(Directory.GetFiles(CacheDirectory(repo), "summary-*.bin"));
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(file, bytes);
        repo.Commit("feat: after the damage");

        var warm = ComputeAsNewProcess(repo);

        Assert.Equal("2.0.0", warm.NextVersion);
        AssertSummaryIsTheFullAnalysis(repo, warm);
    }

    private static void SummaryIsTheFullAnalysis(AnalysisSummary full, AnalysisSummary summary)
    {
        Assert.Equal(full.Bump, summary.Bump);
        Assert.Equal(full.ReleasingCommits, summary.ReleasingCommits);
        Assert.Equal(full.CountByType.OrderBy(p => p.Key), summary.CountByType.OrderBy(p => p.Key));
    }

    [Fact]
    public void ChangedReleaseRulesAreNotServedFromTheCache()
    {
        using var repo = new TempGitRepo();
        repo.Commit("feat: first");
        repo.Tag("v1.0.0");
        repo.Commit("docs: guide");
        var docsAreMinor = new ReleaseConfigOverrides(ReleaseRules: [new ReleaseRule(new Dictionary<string, string> { ["type"] = "docs" }, ReleaseType.Minor)]);

        var before = ComputeAsNewProcess(repo);
        var withRule = ComputeAsNewProcess(repo, docsAreMinor);
        var after = ComputeAsNewProcess(repo);

        Assert.Equal(ReleaseType.None, before.Bump);
        Assert.Equal("1.1.0", withRule.NextVersion);
        Assert.Equal(ReleaseType.None, after.Bump);
        Assert.Equal(2, AnalysisFiles(repo).Length);
        AssertSummaryIsTheFullAnalysis(repo, withRule);
    }

    [Fact]
    public void ChangedPresetIsNotServedFromTheCache()
    {
        using var repo = new TempGitRepo();
        repo.Commit("feat: first");
        repo.Tag("v1.0.0");
        repo.Commit("feat!: new format");

        var conventional = ComputeAsNewProcess(repo);
        var angular = ComputeAsNewProcess(repo, new ReleaseConfigOverrides(Preset: "angular"));

        Assert.Equal("2.0.0", conventional.NextVersion);
        Assert.Equal(ReleaseType.None, angular.Bump);
        AssertSummaryIsTheFullAnalysis(repo, angular);
    }

    [Fact]
    public void DamagedCacheFileIsIgnored()
    {
        using var repo = RepoWithReverts();
        var cold = ComputeAsNewProcess(repo);
        var file = Assert.Single(AnalysisFiles(repo));
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(file, bytes);

        var warm = ComputeAsNewProcess(repo);

        Assert.Equal(cold.NextVersion, warm.NextVersion);
        AssertSummaryIsTheFullAnalysis(repo, warm);
    }

    [Fact]
    public void ExplainStillSeesEveryCommitDecision()
    {
        using var repo = RepoWithReverts();
        ComputeAsNewProcess(repo);

        var decision = ComputeAsNewProcess(repo);

        Assert.Equal(decision.CommitCount, decision.Analysis.Decisions.Count);
        Assert.Equal(2, decision.Analysis.Decisions.Count(d => d.CancelledBy is not null));
    }

    private sealed class CountingCache(IAnalyzedCommitCache inner) : IAnalyzedCommitCache
    {
        public int Stored { get; private set; }

        public bool[] Lookup(IReadOnlyList<CommitInfo> commits, string fingerprint, AnalyzedCommit[] facts) => inner.Lookup(commits, fingerprint, facts);

        public void Store(IReadOnlyList<CommitInfo> commits, string fingerprint, IReadOnlyList<int> positions, IReadOnlyList<AnalyzedCommit> facts)
        {
            Stored += positions.Count;
            inner.Store(commits, fingerprint, positions, facts);
        }

        /// <summary>Where each remembered summary found began in its list.</summary>
        public List<int> SummaryStarts { get; } = [];

        public bool TryFindSummary(IReadOnlyList<CommitInfo> commits, string fingerprint, out int start, out AnalysisSummary summary)
        {
            if (!inner.TryFindSummary(commits, fingerprint, out start, out summary)) return false;
            SummaryStarts.Add(start);
            return true;
        }

        public void StoreSummary(IReadOnlyList<CommitInfo> commits, string fingerprint, AnalysisSummary summary) =>
            inner.StoreSummary(commits, fingerprint, summary);
    }
}
