using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Release.Sdk.Engine.Analysis;

/// <summary>
/// The compiled regular expression of a <c>/…/</c> rule pattern (MSBuild ReleaseRule items only), cached because the
/// same few patterns are tested against every commit. A pattern that takes longer than the timeout on some message
/// counts as no match rather than stalling the build.
/// </summary>
internal static class RulePatternRegex
{
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    public static Regex For(string pattern) => Cache.GetOrAdd(pattern, static p =>
        new Regex(p[1..^1], RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    /// <summary>Null when <paramref name="pattern"/> is a valid expression, else the parser's complaint.</summary>
    public static string? Validate(string pattern)
    {
        try
        {
            For(pattern);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
