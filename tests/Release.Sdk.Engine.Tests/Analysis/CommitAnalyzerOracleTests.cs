using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.History;

namespace Release.Sdk.Engine.Tests.Analysis;

/// <summary>
/// commit-analyzer-oracle.json holds the release type the real @semantic-release/commit-analyzer 13.0.1 computed
/// (node, /work/shared/peers) for 300 generated histories — features, fixes, breaking footers and bangs, seed-rule
/// scopes, merges, git-style and <c>revert:</c> reverts with full and abbreviated shas, with and without the final
/// dot — under four configurations. A larger run of 8,000 histories × 4 configurations showed no difference.
/// </summary>
public class CommitAnalyzerOracleTests
{
    private static readonly AnalyzerOptions[] Configurations =
    [
        new(Preset.Angular),
        new(Preset.ConventionalCommits),
        new(Preset.ConventionalCommits, Rules.Seed, Rules.SeedNoteKeywords),
        new(Preset.Angular, [Rules.Rule("minor", ("subject", "*WIP*")), Rules.Rule("false", ("scope", "a*")), Rules.Rule("minor", ("type", "fix"))]),
    ];

    public static TheoryData<int> Cases() => new(Enumerable.Range(0, Oracle().Count));

    [Theory]
    [MemberData(nameof(Cases))]
    public void DecidesLikeCommitAnalyzer(int index)
    {
        var entry = Oracle()[index]!;
        var commits = entry["commits"]!.AsArray()
            .Select(c => new CommitInfo(c![0]!.GetValue<string>(), c[1]!.GetValue<string>()))
            .ToList();
        var expected = entry["expected"]!.AsArray().Select(e => e?.GetValue<string>()).ToArray();

        var actual = Configurations.Select(o => CommitAnalyzer.Analyze(commits, o).Bump).Select(b => b == ReleaseType.None ? null : b.ToString().ToLowerInvariant());

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SummaryFromCachedFactsEqualsTheFullAnalysis(int index)
    {
        var commits = Oracle()[index]!["commits"]!.AsArray()
            .Select(c => new CommitInfo(c![0]!.GetValue<string>(), c[1]!.GetValue<string>()))
            .ToList();
        foreach (var options in Configurations)
        {
            var expected = CommitAnalyzer.Analyze(commits, options).Summarize();
            var cache = new MemoryAnalyzedCommitCache();
            // the older half first, as if those commits had been analyzed by an earlier build
            CommitAnalyzer.Summarize(commits.Skip(commits.Count / 2).ToList(), options, cache);

            SummaryTests.AssertSame(expected, CommitAnalyzer.Summarize(commits, options, cache));
            SummaryTests.AssertSame(expected, CommitAnalyzer.Summarize(commits, options, cache));
            SummaryTests.AssertSame(expected, CommitAnalyzer.Summarize(commits, options, null));
            Assert.Equal(commits.Count, cache.Stored);
        }
    }

    private static readonly Lazy<JsonArray> Loaded = new(() => Load());

    private static JsonArray Oracle() => Loaded.Value;

    private static JsonArray Load([CallerFilePath] string here = "") =>
        (JsonArray)JsonNode.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "commit-analyzer-oracle.json")))!["cases"]!;
}
