using System.Text.RegularExpressions;

namespace Release.Sdk.Engine.Commits;

/// <summary>
/// The presets' header and revert patterns, translated from JavaScript: <c>.</c> is JavaScript's (no line
/// terminators), <c>$</c> is end of input, <c>\w</c>/<c>\b</c> are ASCII, <c>\s</c> is JavaScript's set, and the
/// revert patterns' <c>i</c> flag is spelled as ASCII letter pairs so no non-ASCII case folding sneaks in.
/// Sources: conventional-changelog-angular 8.3.1 and conventional-changelog-conventionalcommits 9.3.1 src/parser.js.
/// </summary>
internal static partial class PresetPatterns
{
    private const string Dot = @"[^\n\r\u2028\u2029]";
    private const string Space = @"[\t\n\v\f\r \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]";
    private const string Word = "[A-Za-z0-9_]";
    private const string RevertWord = "[Rr][Ee][Vv][Ee][Rr][Tt]";
    private const string ThisRevertsCommit = "[Tt][Hh][Ii][Ss] [Rr][Ee][Vv][Ee][Rr][Tt][Ss] [Cc][Oo][Mm][Mm][Ii][Tt] ";
    private const string RevertStart = "^(?:" + RevertWord + "|" + RevertWord + ":)" + Space + "\"?([\\s\\S]+?)\"?" + Space + "*" + ThisRevertsCommit;

    /// <summary>Guards against pathological inputs; a timed-out match counts as no match.</summary>
    public const int TimeoutMilliseconds = 2000;

    /// <summary>angular: <c>/^(\w*)(?:\((.*)\))?: (.*)$/</c> — no <c>!</c>.</summary>
    [GeneratedRegex("^(" + Word + "*)(?:\\((" + Dot + "*)\\))?: (" + Dot + "*)\\z", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    public static partial Regex AngularHeader();

    /// <summary>conventionalcommits: <c>/^(\w*)(?:\((.*)\))?!?: (.*)$/</c>.</summary>
    [GeneratedRegex("^(" + Word + "*)(?:\\((" + Dot + "*)\\))?!?: (" + Dot + "*)\\z", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    public static partial Regex ConventionalCommitsHeader();

    /// <summary>conventionalcommits: <c>/^(\w*)(?:\((.*)\))?!: (.*)$/</c>.</summary>
    [GeneratedRegex("^(" + Word + "*)(?:\\((" + Dot + "*)\\))?!: (" + Dot + "*)\\z", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    public static partial Regex ConventionalCommitsBreakingHeader();

    /// <summary>angular: <c>/^(?:Revert|revert:)\s"?([\s\S]+?)"?\s*This reverts commit (\w{7,40})\b/i</c>.</summary>
    [GeneratedRegex(RevertStart + "(" + Word + "{7,40})(?!" + Word + ")", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    public static partial Regex AngularRevert();

    /// <summary>conventionalcommits: <c>/^(?:Revert|revert:)\s"?([\s\S]+?)"?\s*This reverts commit (\w*)\./i</c>.</summary>
    [GeneratedRegex(RevertStart + "(" + Word + "*)\\.", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    public static partial Regex ConventionalCommitsRevert();

    // The header patterns again without a timeout, for headers of ordinary length. A timed match reads the clock when
    // it starts and as it runs; on a VM without a fast clock source that was a third of parsing 100k headers. Anchored
    // at the start, these patterns backtrack at most linearly in the header's length, so a bounded header needs no timeout.
    [GeneratedRegex("^(" + Word + "*)(?:\\((" + Dot + "*)\\))?: (" + Dot + "*)\\z", RegexOptions.CultureInvariant)]
    private static partial Regex AngularHeaderUntimed();

    [GeneratedRegex("^(" + Word + "*)(?:\\((" + Dot + "*)\\))?!?: (" + Dot + "*)\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ConventionalCommitsHeaderUntimed();

    [GeneratedRegex("^(" + Word + "*)(?:\\((" + Dot + "*)\\))?!: (" + Dot + "*)\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ConventionalCommitsBreakingHeaderUntimed();

    /// <summary>Inputs up to this length run the untimed twin of a preset header pattern.</summary>
    internal const int UntimedHeaderLimit = 4096;

    private static Regex? UntimedTwin(Regex regex) =>
        ReferenceEquals(regex, ConventionalCommitsHeader()) ? ConventionalCommitsHeaderUntimed()
        : ReferenceEquals(regex, ConventionalCommitsBreakingHeader()) ? ConventionalCommitsBreakingHeaderUntimed()
        : ReferenceEquals(regex, AngularHeader()) ? AngularHeaderUntimed()
        : null;

    /// <summary>Runs a pattern without ever throwing: a timeout is treated as no match.</summary>
    public static Match? SafeMatch(Regex regex, string input)
    {
        if (input.Length <= UntimedHeaderLimit && UntimedTwin(regex) is { } untimed) regex = untimed;
        try
        {
            var match = regex.Match(input);
            return match.Success ? match : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
