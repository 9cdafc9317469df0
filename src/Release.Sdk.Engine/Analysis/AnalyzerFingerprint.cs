using System.Text;

namespace Release.Sdk.Engine.Analysis;

/// <summary>
/// Identifies everything an analyzed commit depends on besides the commit itself: the engine build (a fixed parser
/// must not reuse old results), the preset, note keywords and release rules. Any change gives a new fingerprint.
/// </summary>
internal static class AnalyzerFingerprint
{
    private static readonly string EngineBuild = typeof(AnalyzerFingerprint).Module.ModuleVersionId.ToString("N");

    public static string Of(AnalyzerOptions options)
    {
        var text = new StringBuilder("engine=").Append(EngineBuild).Append(";preset=").Append(options.Preset);
        if (options.NoteKeywords is { } keywords)
        {
            text.Append(";notes=").Append(keywords.Count);
            foreach (var keyword in keywords) Append(text, keyword);
        }
        if (options.ReleaseRules is { } rules)
        {
            text.Append(";rules=").Append(rules.Count);
            foreach (var rule in rules)
            {
                text.Append('|').Append(rule.Release).Append(',').Append(Flag(rule.Breaking)).Append(',').Append(Flag(rule.Revert))
                    .Append(',').Append(rule.RegexPatterns ? 'r' : 'g').Append(',').Append(rule.Conditions.Count);
                foreach (var (field, pattern) in rule.Conditions) Append(Append(text, field), pattern);
            }
        }
        return text.ToString();
    }

    /// <summary>Length-prefixed, so no two different lists of strings give the same text.</summary>
    private static StringBuilder Append(StringBuilder text, string value) => text.Append(':').Append(value.Length).Append(':').Append(value);

    private static char Flag(bool? value) => value switch { true => 't', false => 'f', null => 'n' };
}
