using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.History;

namespace Release.Sdk.Engine.Tests.Analysis;

/// <summary>Builds commit lists oldest first (as written in the behaviour doc) and analyzes them newest first.</summary>
internal sealed class TestHistory
{
    private readonly List<CommitInfo> _oldestFirst = [];

    public static TestHistory Of(params string[] messagesOldestFirst)
    {
        var history = new TestHistory();
        foreach (var message in messagesOldestFirst) history.Commit(message);
        return history;
    }

    public string Commit(string message, int parents = 1)
    {
        var sha = (_oldestFirst.Count + 1).ToString("x40");
        _oldestFirst.Add(new CommitInfo(sha, message, parents));
        return sha;
    }

    public string LastSha => _oldestFirst[^1].Sha;

    public IReadOnlyList<CommitInfo> NewestFirst => Enumerable.Reverse(_oldestFirst).ToList();

    public AnalysisResult Analyze(string preset, IReadOnlyList<ReleaseRule>? rules = null, IReadOnlyList<string>? noteKeywords = null) =>
        CommitAnalyzer.Analyze(NewestFirst, new AnalyzerOptions(Preset(preset), rules, noteKeywords));

    public static Preset Preset(string name) => name == "angular" ? Engine.Analysis.Preset.Angular : Engine.Analysis.Preset.ConventionalCommits;

    public static string Bump(AnalysisResult result) => result.Bump.ToString().ToLowerInvariant();
}
