using System.Runtime.CompilerServices;
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

    /// <summary>
    /// The same verdict as <see cref="Analyze"/>, as the summary a build needs: commits known to
    /// <paramref name="cache"/> are not parsed again, and no per-commit decision is kept. When the cache remembers the
    /// summary of the older part of the list (the previous build's commits), only the newer commits are analyzed.
    /// </summary>
    public static AnalysisSummary Summarize(IReadOnlyList<CommitInfo> commitsNewestFirst, AnalyzerOptions options, IAnalyzedCommitCache? cache)
    {
        if (commitsNewestFirst.Count == 0) return AnalysisSummary.Empty;
        var fingerprint = AnalyzerFingerprint.Of(options);
        if (cache is not null && ExtendRememberedSummary(commitsNewestFirst, options, cache, fingerprint) is { } extended) return extended;

        var facts = new AnalyzedCommit[commitsNewestFirst.Count];
        var known = cache?.Lookup(commitsNewestFirst, fingerprint, facts);
        var parser = new Lazy<CommitParser.Prepared>(() => Prepare(options));
        var positions = new List<int>(known is null ? facts.Length : 0);
        for (var i = 0; i < facts.Length; i++)
        {
            if (known is null || !known[i]) positions.Add(i);
        }
        if (positions.Count >= ParallelThreshold)
        {
            ReadOnEveryCore(commitsNewestFirst, positions, facts, options);
        }
        else if (positions.Count > 0)
        {
            var reader = new FactsReader(options, parser.Value);
            foreach (var i in positions) facts[i] = reader.Read(commitsNewestFirst[i]);
        }
        if (cache is not null && positions.Count > 0)
        {
            // Every commit computed (a first build): the facts are those, in order; no copy of a 100k-entry array.
            var computed = positions.Count == facts.Length ? facts : new AnalyzedCommit[positions.Count];
            if (computed != facts)
            {
                for (var k = 0; k < computed.Length; k++) computed[k] = facts[positions[k]];
            }
            cache.Store(commitsNewestFirst, fingerprint, positions, computed);
        }

        var summary = AnalysisFold.Summarize(facts, i => RevertedCommitsFilter.KeyOf(parser.Value.Parse(commitsNewestFirst[i])));
        cache?.StoreSummary(commitsNewestFirst, fingerprint, summary);
        return summary;
    }

    /// <summary>At most this many newer commits are analyzed on top of a remembered summary; more go the usual way.</summary>
    private const int MaxCommitsOnRememberedSummary = 4096;

    /// <summary>
    /// The summary of <paramref name="commitsNewestFirst"/> from the cache's summary of its older part plus the newer
    /// commits' facts; null when the cache has none, or when a newer commit is a revert. Sound because cancellation
    /// only runs from a revert to an older commit: with no revert among the newer commits nothing of theirs is
    /// cancelled and nothing they hold can reach the older part, whose own cancellations are in its summary.
    /// </summary>
    private static AnalysisSummary? ExtendRememberedSummary(IReadOnlyList<CommitInfo> commitsNewestFirst, AnalyzerOptions options,
        IAnalyzedCommitCache cache, string fingerprint)
    {
        if (!cache.TryFindSummary(commitsNewestFirst, fingerprint, out var start, out var older)
            || start > Math.Min(commitsNewestFirst.Count, MaxCommitsOnRememberedSummary)) return null;
        if (start == 0) return older;

        var parser = Prepare(options);
        var reader = new FactsReader(options, parser);
        var facts = new AnalyzedCommit[start];
        for (var i = 0; i < start; i++)
        {
            facts[i] = reader.Read(commitsNewestFirst[i]);
            if (facts[i].Revert is not null) return null;
        }
        cache.Store(commitsNewestFirst, fingerprint, [.. Enumerable.Range(0, start)], facts);
        var summary = AnalysisFold.Summarize(facts, i => RevertedCommitsFilter.KeyOf(parser.Parse(commitsNewestFirst[i]))).Plus(older);
        cache.StoreSummary(commitsNewestFirst, fingerprint, summary);
        return summary;
    }

    private const int ParallelThreshold = 4096;

    /// <summary>
    /// A first build of a long history without tags: commits are independent, so each core analyzes a slice. Written
    /// out on threads of its own rather than with <c>Parallel.For</c>: its loop over our reader is framework generic
    /// code that ReadyToRun images cannot hold, and it ran unoptimized for most of a 100k-commit first build.
    /// </summary>
    private static void ReadOnEveryCore(IReadOnlyList<CommitInfo> commits, List<int> positions, AnalyzedCommit[] facts, AnalyzerOptions options)
    {
        var workers = Math.Clamp(Environment.ProcessorCount, 1, 8);
        var slice = (positions.Count + workers - 1) / workers;
        var others = new Task[workers - 1];
        for (var w = 1; w < workers; w++)
        {
            var from = w * slice;
            others[w - 1] = Task.Factory.StartNew(() => ReadSlice(new FactsReader(options), commits, positions, facts, from, from + slice),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        ReadSlice(new FactsReader(options), commits, positions, facts, 0, slice);
        Task.WaitAll(others);
    }

    /// <summary>
    /// Compiles the bulk analysis ahead of a first build's analysis, on a thread with nothing else to do: its loop
    /// (below) is compiled at full optimization with the per-commit code inlined, ~20 ms of JIT that otherwise both
    /// cores wait for when the analysis starts. The history reader calls this while it imports a long listing alone.
    /// </summary>
    public static void PrepareBulkAnalysis() => ReadSlice(new FactsReader(new AnalyzerOptions()), [], [], [], 0, 0);

    /// <summary>The facts of <paramref name="positions"/>[<paramref name="from"/>..<paramref name="to"/>].</summary>
    /// <remarks>Compiled at full optimization when a first build starts it, with the per-commit code inlined (the methods
    /// marked so): as ReadyToRun code that code ran 100k times and was re-jitted with profiling probes mid-loop. Builds
    /// after a commit analyze a few commits through the same methods as ReadyToRun code and compile nothing.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadSlice(FactsReader reader, IReadOnlyList<CommitInfo> commits, List<int> positions, AnalyzedCommit[] facts,
        int from, int to)
    {
        var end = Math.Min(positions.Count, to);
        if (commits is ICommitTextSource texts)
        {
            for (var k = from; k < end; k++) facts[positions[k]] = reader.Read(commits, texts, positions[k]);
        }
        else
        {
            for (var k = from; k < end; k++) facts[positions[k]] = reader.Read(commits[positions[k]]);
        }
    }

    /// <summary>Facts of one commit after another: straight from the message when it allows (<see cref="QuickFacts"/>), else parsed in full.</summary>
    private sealed class FactsReader(AnalyzerOptions options, CommitParser.Prepared? parser = null)
    {
        private readonly QuickFacts _quick = new(ParserOptions.For(options.Preset, options.NoteKeywords), options.ReleaseRules);
        private CommitParser.Prepared? _parser = parser;

        private char[] _message = new char[1024];
        private char[] _sha = new char[64];

        [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the bulk analysis (see CommitAnalyzer.ReadOnEveryCore)
        public AnalyzedCommit Read(CommitInfo commit) =>
            _quick.TryCompute(commit, out var facts) ? facts : Facts((_parser ??= Prepare(options)).Parse(commit), options.ReleaseRules);

        /// <summary>The facts of <paramref name="commits"/>[<paramref name="index"/>], read as characters into this reader's
        /// buffers; only a commit that needs the full parse is made a <see cref="CommitInfo"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the bulk analysis (see CommitAnalyzer.ReadOnEveryCore)
        public AnalyzedCommit Read(IReadOnlyList<CommitInfo> commits, ICommitTextSource texts, int index)
        {
            var messageLength = texts.WriteMessage(index, ref _message);
            var shaLength = texts.WriteSha(index, ref _sha);
            return _quick.TryCompute(_message.AsMemory(0, messageLength), _sha.AsMemory(0, shaLength), out var facts)
                ? facts
                : Facts((_parser ??= Prepare(options)).Parse(commits[index]), options.ReleaseRules);
        }
    }

    private static CommitParser.Prepared Prepare(AnalyzerOptions options) => new(ParserOptions.For(options.Preset, options.NoteKeywords));

    /// <summary>What <see cref="Summarize"/> needs to remember about one parsed commit.</summary>
    public static AnalyzedCommit Facts(ConventionalCommit commit, IReadOnlyList<ReleaseRule>? customRules)
    {
        if (commit.Message.Length == 0) return new AnalyzedCommit(true, ReleaseType.None, commit.Type, 0, null);
        var (header, hash) = RevertedCommitsFilter.KeyOf(commit);
        var revert = RevertedCommitsFilter.TargetOf(commit);
        return new AnalyzedCommit(false, Decide(commit, customRules).Release, commit.Type, RevertKeys.Of(header, hash), revert);
    }

    /// <summary>The release type <see cref="Decide"/> gives, for any view of a commit the rules can read.</summary>
    /// <param name="defaultRules">The default rules, or those of them that can match <paramref name="commit"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the bulk analysis (see CommitAnalyzer.ReadOnEveryCore)
    public static ReleaseType DecideRelease(IRuleSubject commit, IReadOnlyList<ReleaseRule>? customRules, IReadOnlyList<ReleaseRule> defaultRules) =>
        Evaluate(commit, customRules, defaultRules).Outcome.Release;

    /// <summary>One commit's release type under custom rules then, if none matched, the defaults.</summary>
    public static CommitDecision Decide(ConventionalCommit commit, IReadOnlyList<ReleaseRule>? customRules)
    {
        var (outcome, source) = Evaluate(commit, customRules, DefaultReleaseRules.All);
        return outcome.Matched
            ? new CommitDecision(commit, outcome.Release, outcome.Rule, source)
            : new CommitDecision(commit, ReleaseType.None, null, null);
    }

    /// <summary>Custom rules first; only when none of them matched, the defaults.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the bulk analysis (see CommitAnalyzer.ReadOnEveryCore)
    private static (RuleOutcome Outcome, string? Source) Evaluate(IRuleSubject commit, IReadOnlyList<ReleaseRule>? customRules,
        IReadOnlyList<ReleaseRule> defaultRules)
    {
        if (customRules is not null && ReleaseRuleEvaluator.Evaluate(customRules, commit) is { Matched: true } custom) return (custom, CustomSource);
        var fallback = ReleaseRuleEvaluator.Evaluate(defaultRules, commit);
        return (fallback, fallback.Matched ? DefaultSource : null);
    }
}
