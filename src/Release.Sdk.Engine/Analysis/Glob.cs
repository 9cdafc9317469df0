using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Release.Sdk.Engine.Analysis;

/// <summary>
/// <c>micromatch.isMatch(input, pattern)</c> (micromatch 4.0.8 / picomatch 2.3.x, default options) for the patterns
/// semantic-release users write: release-rule fields and branch names such as <c>+([0-9])?(.{+([0-9]),x}).x</c>.
/// Case-sensitive (<c>README</c> does not match <c>readme</c>), <c>*</c> and <c>?</c> never cross <c>/</c> nor match a
/// leading dot, an empty input never matches, and there is no <c>/regex/</c> syntax (micromatch has none).
/// </summary>
internal static class Glob
{
    /// <summary>Per pattern: null for a literal (only equal input matches) or an uncompilable pattern, else its regex.</summary>
    private static readonly ConcurrentDictionary<string, Regex?> Compiled = new(StringComparer.Ordinal);

    public static bool IsMatch(string input, string pattern)
    {
        if (string.IsNullOrEmpty(input) || pattern is null) return false;
        if (input == pattern) return true;
        var regex = Compiled.GetOrAdd(pattern, static p => GlobCompiler.IsLiteral(p) ? null : GlobCompiler.TryCompile(p));
        if (regex is null) return false;
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
