using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.History;

namespace Release.Sdk.Engine.Tests.Analysis;

/// <summary>
/// <c>/…/</c> rule values are regular expressions only in Release.Sdk's own MSBuild ReleaseRule items; in a
/// semantic-release config they stay micromatch globs (semantic-release never matches them: checked with semrel-next).
/// </summary>
public sealed class RegexRuleTests
{
    private static AnalysisResult Analyze(ReleaseRule rule, params string[] messagesNewestFirst) => CommitAnalyzer.Analyze(
        messagesNewestFirst.Select((m, i) => new CommitInfo($"{i + 1:x40}", m)).ToList(),
        new AnalyzerOptions(Preset.ConventionalCommits, [rule]));

    private static ReleaseRule ScopeRule(string pattern, bool regex) =>
        new(new Dictionary<string, string> { ["scope"] = pattern }, ReleaseType.Minor, RegexPatterns: regex);

    [Fact]
    public void RegexScopeRuleFromAnItemMatchesScopesTheExpressionAccepts()
    {
        var result = Analyze(ScopeRule("/^ui-(button|menu)$/", regex: true), "docs(ui-menu): describe the menu");
        Assert.Equal(ReleaseType.Minor, result.Bump);
    }

    [Fact]
    public void RegexScopeRuleFromAnItemRejectsScopesTheExpressionRejects()
    {
        var result = Analyze(ScopeRule("/^ui-(button|menu)$/", regex: true), "docs(ui-table): describe the table");
        Assert.Equal(ReleaseType.None, result.Bump);
    }

    [Fact]
    public void SlashPatternFromAConfigFileStaysAGlobLikeSemanticRelease()
    {
        var result = Analyze(ScopeRule("/^ui-(button|menu)$/", regex: false), "docs(ui-menu): describe the menu");
        Assert.Equal(ReleaseType.None, result.Bump);
    }

    [Fact]
    public void RegexRulesAndGlobRulesHaveDifferentCacheFingerprints()
    {
        var glob = AnalyzerFingerprint.Of(new AnalyzerOptions(ReleaseRules: [ScopeRule("/x/", regex: false)]));
        var regex = AnalyzerFingerprint.Of(new AnalyzerOptions(ReleaseRules: [ScopeRule("/x/", regex: true)]));
        Assert.NotEqual(glob, regex);
    }

    [Fact]
    public void InvalidRegexIsReportedByValidate()
    {
        Assert.NotNull(RulePatternRegex.Validate("/(unclosed/"));
        Assert.Null(RulePatternRegex.Validate("/^ok$/"));
    }
}
