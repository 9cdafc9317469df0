using Release.Sdk.Engine.Commits;
using Release.Sdk.Engine.History;

namespace Release.Sdk.Engine.Analysis;

/// <summary>
/// semantic-release commit-analyzer 13.0.1 <c>analyzeCommits</c>: skip empty messages, parse, drop reverted pairs,
/// then per commit the custom <c>releaseRules</c> and — only when none of them matched — the default rules; the
/// highest release type wins. Merge commits are analyzed like any other commit (commit-analyzer does not skip them).
/// </summary>
internal static class CommitAnalyzer
{
    public const string CustomSource = "custom";
    public const string DefaultSource = "default";

    public static AnalysisResult Analyze(IReadOnlyList<CommitInfo> commitsNewestFirst, AnalyzerOptions options)
    {
        if (commitsNewestFirst.Count == 0) return AnalysisResult.Empty;
        var parser = new CommitParser.Prepared(ParserOptions.For(options.Preset, options.NoteKeywords));
        var parsed = new ConventionalCommit[commitsNewestFirst.Count];
        var analyzed = new List<int>(commitsNewestFirst.Count);
        for (var i = 0; i < parsed.Length; i++)
        {
            parsed[i] = parser.Parse(commitsNewestFirst[i]);
            if (parsed[i].Message.Length > 0) analyzed.Add(i);
        }

        var cancelled = RevertedCommitsFilter.FindCancelled(parsed, analyzed);
        var decisions = new CommitDecision[parsed.Length];
        var bump = ReleaseType.None;
        for (var i = 0; i < parsed.Length; i++)
        {
            if (parsed[i].Message.Length == 0)
            {
                decisions[i] = new CommitDecision(parsed[i], ReleaseType.None, null, null);
            }
            else if (cancelled.TryGetValue(i, out var by))
            {
                decisions[i] = new CommitDecision(parsed[i], ReleaseType.None, null, null, by);
            }
            else
            {
                decisions[i] = Decide(parsed[i], options.ReleaseRules);
                if (decisions[i].Release > bump) bump = decisions[i].Release;
            }
        }

        return new AnalysisResult(bump, decisions);
    }

    /// <summary>One commit's release type under custom rules then, if none matched, the defaults.</summary>
    public static CommitDecision Decide(ConventionalCommit commit, IReadOnlyList<ReleaseRule>? customRules)
    {
        if (customRules is not null && ReleaseRuleEvaluator.Evaluate(customRules, commit) is { Matched: true } custom)
        {
            return new CommitDecision(commit, custom.Release, custom.Rule, CustomSource);
        }

        var fallback = ReleaseRuleEvaluator.Evaluate(DefaultReleaseRules.All, commit);
        return fallback.Matched
            ? new CommitDecision(commit, fallback.Release, fallback.Rule, DefaultSource)
            : new CommitDecision(commit, ReleaseType.None, null, null);
    }
}
