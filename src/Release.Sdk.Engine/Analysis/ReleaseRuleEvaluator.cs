using System.Runtime.CompilerServices;

namespace Release.Sdk.Engine.Analysis;

/// <summary>
/// commit-analyzer 13.0.1 lib/analyze-commit.js. Every matching rule is visited in order and replaces the running
/// release type when <c>compareReleaseTypes</c> says so — which is also true whenever either side is <c>false</c>.
/// So <c>release: false</c> is not a veto: a later matching rule with a release type overrides it, and it overrides
/// any earlier one. A rule matches when its <c>breaking</c>/<c>revert</c> flags hold (a <c>false</c> flag is no
/// condition) and every other field is a string on the commit that micromatch matches.
/// </summary>
internal static class ReleaseRuleEvaluator
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the bulk analysis (see CommitAnalyzer.ReadOnEveryCore)
    public static RuleOutcome Evaluate(IReadOnlyList<ReleaseRule> rules, IRuleSubject commit)
    {
        var outcome = RuleOutcome.Unmatched;
        // indexed, not foreach: enumerating the interface allocates an enumerator per commit
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (!Matches(rule, commit)) continue;
            if (outcome.Matched && outcome.Release != ReleaseType.None && rule.Release != ReleaseType.None && rule.Release <= outcome.Release)
            {
                continue;
            }

            outcome = new RuleOutcome(true, rule.Release, rule);
            if (outcome.Release == ReleaseType.Major) break;
        }

        return outcome;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the bulk analysis (see CommitAnalyzer.ReadOnEveryCore)
    public static bool Matches(ReleaseRule rule, IRuleSubject commit)
    {
        if (rule.Breaking == true && !commit.IsBreaking) return false;
        if (rule.Revert == true && !commit.IsRevert) return false;
        foreach (var condition in rule.ConditionList)
        {
            if (commit.Field(condition.Field) is not { } value) return false;
            // Glob.IsMatch's answer for a literal, without its per-pattern cache lookup
            if (condition.IsLiteral ? value.Length == 0 || !string.Equals(value, condition.Pattern, StringComparison.Ordinal)
                    : !PatternMatches(rule, value, condition.Pattern)) return false;
        }

        return true;
    }

    private static bool PatternMatches(ReleaseRule rule, string value, string pattern)
    {
        if (!rule.RegexPatterns || !ReleaseRule.IsRegexPattern(pattern)) return Glob.IsMatch(value, pattern);
        try
        {
            return RulePatternRegex.For(pattern).IsMatch(value);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
