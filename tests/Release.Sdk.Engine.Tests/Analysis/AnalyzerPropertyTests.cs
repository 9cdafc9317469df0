using CsCheck;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.History;

namespace Release.Sdk.Engine.Tests.Analysis;

public class AnalyzerPropertyTests
{
    private static readonly string[] Kinds =
    [
        "feat: a", "fix: b", "perf: c", "docs: d", "chore(no-release): e", "feat!: f", "fix: g\n\nBREAKING CHANGE: h",
        "refactor: i", "Update stuff", "style: j", "fix(no-release): k", "revert", "revert",
    ];

    /// <summary>A random history, oldest first; "revert" entries revert a random earlier commit (when there is one).</summary>
    private static readonly Gen<(string Kind, int Target)[]> Histories =
        Gen.Select(Gen.OneOf(Kinds), Gen.Int[0, 1000]).Array[0, 12];

    private static List<CommitInfo> Build((string Kind, int Target)[] spec)
    {
        var oldestFirst = new List<CommitInfo>();
        foreach (var (kind, target) in spec)
        {
            var sha = (oldestFirst.Count + 1).ToString("x40");
            var message = kind;
            if (kind == "revert" && oldestFirst.Count > 0)
            {
                var reverted = oldestFirst[target % oldestFirst.Count];
                message = $"Revert \"{reverted.Message.Split('\n')[0]}\"\n\nThis reverts commit {reverted.Sha}.";
            }
            else if (kind == "revert")
            {
                message = "feat: first";
            }

            oldestFirst.Add(new CommitInfo(sha, message));
        }

        oldestFirst.Reverse();
        return oldestFirst;
    }

    [Theory]
    [InlineData("angular", false)]
    [InlineData("conventionalcommits", false)]
    [InlineData("conventionalcommits", true)]
    public void AddingACommitNeverLowersTheBumpUnlessARevertCancelsWithIt(string preset, bool seedRules)
    {
        var options = new AnalyzerOptions(TestHistory.Preset(preset), seedRules ? Rules.Seed : null, seedRules ? Rules.SeedNoteKeywords : null);
        Gen.Select(Histories, Gen.Int[0, 12]).Sample((spec, insertAt) =>
        {
            var all = Build(spec);
            if (all.Count == 0) return;
            var added = all[insertAt % all.Count];
            var without = all.Where(c => c != added).ToList();

            var before = CommitAnalyzer.Analyze(without, options);
            var after = CommitAnalyzer.Analyze(all, options);

            var addedDecision = after.Decisions.Single(d => d.Commit.Source == added);
            var cancelledWithAdded = addedDecision.CancelledBy is not null
                || after.Decisions.Any(d => d.CancelledBy == added.Sha);
            if (!cancelledWithAdded) Assert.True(after.Bump >= before.Bump, $"{before.Bump} → {after.Bump}");
        }, iter: 2000);
    }

    [Fact]
    public void BumpIsTheHighestDecision()
    {
        Histories.Sample(spec =>
        {
            var result = CommitAnalyzer.Analyze(Build(spec), new AnalyzerOptions());
            var highest = result.Decisions.Where(d => d.CancelledBy is null).Select(d => d.Release).DefaultIfEmpty(ReleaseType.None).Max();
            Assert.Equal(highest, result.Bump);
        }, iter: 1000);
    }

    /// <summary>
    /// Builds one commit apart, as the build after each commit does: every summary extended from a remembered one (or
    /// recomputed because a new commit is a revert) equals the full analysis of the whole list.
    /// </summary>
    [Theory]
    [InlineData("angular", false)]
    [InlineData("conventionalcommits", true)]
    public void SummariesExtendedCommitByCommitEqualTheFullAnalysis(string preset, bool seedRules)
    {
        var options = new AnalyzerOptions(TestHistory.Preset(preset), seedRules ? Rules.Seed : null, seedRules ? Rules.SeedNoteKeywords : null);
        Gen.Select(Histories, Gen.Int[1, 4]).Sample((spec, step) =>
        {
            var newestFirst = Build(spec);
            var cache = new MemoryAnalyzedCommitCache();
            for (var length = 1; length <= newestFirst.Count; length += step)
            {
                var list = newestFirst.Skip(newestFirst.Count - length).ToList();
                SummaryTests.AssertSame(CommitAnalyzer.Analyze(list, options).Summarize(), CommitAnalyzer.Summarize(list, options, cache));
            }
        }, iter: 1000);
    }
}
