namespace Release.Sdk.Engine.Analysis;

/// <summary>What a rule list says about one commit: nothing (no rule matched), or a release type and the rule that set it.</summary>
internal readonly record struct RuleOutcome(bool Matched, ReleaseType Release, ReleaseRule? Rule)
{
    public static RuleOutcome Unmatched => default;
}
