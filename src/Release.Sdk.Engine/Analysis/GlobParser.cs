using System.Text;
using System.Text.RegularExpressions;

namespace Release.Sdk.Engine.Analysis;

/// <summary>picomatch 2.3.x's full parser (lib/parse.js), for the constructs release rules and branch names use: stars, globstars, <c>?</c>, brackets, braces, groups and extglobs.</summary>
internal sealed class GlobParser(string pattern)
{
    private const string Star = GlobCompiler.Star;
    private const string NoDot = GlobCompiler.NoDot;
    private const string OneChar = GlobCompiler.OneChar;
    private const string GlobStar = GlobCompiler.GlobStar;

    private int _index;
    private bool _lastWasStarOrBracket;

    public string? Parse()
    {
        var body = Sequence(closer: null);
        if (body is null) return null;
        var startsWithExtglob = pattern.Length > 1 && pattern[0] is '?' or '+' or '*' or '!' && pattern[1] == '(';
        return (startsWithExtglob ? OneChar : "") + body + (_lastWasStarOrBracket ? @"\/?" : "");
    }

    /// <summary>Parses until <paramref name="closer"/> (or the end); null when a brace is left open.</summary>
    private string? Sequence(char? closer, bool inBrace = false)
    {
        var output = new StringBuilder();
        while (_index < pattern.Length)
        {
            var c = pattern[_index];
            if (closer is { } close && c == close) return output.ToString();
            if (inBrace && c == ',') return output.ToString();
            _lastWasStarOrBracket = false;
            var atSegmentStart = _index == 0 || pattern[_index - 1] == '/';
            var next = _index + 1 < pattern.Length ? pattern[_index + 1] : '\0';
            if (c is '@' or '!' or '?' or '+' or '*' && next == '(' && !(_index + 2 < pattern.Length && pattern[_index + 2] == '?'))
            {
                if (Extglob(c) is not { } extglob) return null;
                output.Append(extglob);
                _lastWasStarOrBracket = false;
                continue;
            }

            switch (c)
            {
                case '\\':
                    _index++;
                    output.Append(_index < pattern.Length ? Regex.Escape(pattern[_index++].ToString()) : @"\\");
                    break;
                case '*':
                    var run = 0;
                    while (_index < pattern.Length && pattern[_index] == '*') { run++; _index++; }
                    var segmentEnds = _index == pattern.Length || pattern[_index] == '/';
                    if (run == 2 && atSegmentStart && segmentEnds) output.Append((_index - run == 0 ? NoDot : "") + GlobStar);
                    else output.Append(atSegmentStart ? NoDot + OneChar + Star : Star);
                    _lastWasStarOrBracket = true;
                    break;
                case '?':
                    // right after a group or extglob picomatch leaves "?" to the regex: the group becomes optional
                    var afterGroup = _index > 0 && pattern[_index - 1] == ')';
                    _index++;
                    output.Append(afterGroup ? "?" : atSegmentStart ? @"[^/.]" : "[^/]");
                    break;
                case '[':
                    output.Append(Bracket());
                    break;
                case '{':
                    if (Brace() is not { } brace) return null;
                    output.Append(brace);
                    _lastWasStarOrBracket = false;
                    break;
                case '(':
                    if (Group("(", ")") is not { } group) return null;
                    output.Append(group);
                    _lastWasStarOrBracket = false;
                    break;
                case '|':
                    _index++;
                    output.Append('|');
                    break;
                case '/':
                    _index++;
                    output.Append(@"\/");
                    break;
                default:
                    _index++;
                    output.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return closer is null ? output.ToString() : null;
    }

    private string? Extglob(char kind)
    {
        var start = _index;
        _index += 2;
        var inner = Sequence(')');
        if (inner is null)
        {
            _index = start + 1;
            return Regex.Escape(kind.ToString());
        }

        _index++;
        var atEnd = _index == pattern.Length;
        return kind switch
        {
            '@' => "(" + inner + ")",
            '?' => "(?:" + inner + ")?",
            '+' => "(?:" + inner + ")+",
            '*' => "(?:" + inner + ")*",
            _ => atEnd ? "(?:(?!(?:" + inner + @")\z))" + Star : "(?:(?!(?:" + inner + "))" + Star + ")",
        };
    }

    private string? Group(string open, string close)
    {
        var start = _index;
        _index++;
        var inner = Sequence(')');
        if (inner is null)
        {
            _index = start + 1;
            return @"\(";
        }

        _index++;
        return open + inner + close;
    }

    private string? Brace()
    {
        var close = MatchingBrace(_index);
        if (close < 0) return null;
        var content = pattern[(_index + 1)..close];
        if (!HasTopLevelComma(content))
        {
            var range = content.Split("..");
            _index = close + 1;
            return range.Length == 2 && range[0].Length > 0 && range[1].Length > 0
                ? "[" + range[0] + "-" + range[1] + "]"
                : @"\{" + Regex.Escape(content) + @"\}";
        }

        _index++;
        var parts = new List<string>();
        while (true)
        {
            var part = Sequence('}', inBrace: true);
            if (part is null) return null;
            parts.Add(part);
            if (pattern[_index] == '}') break;
            _index++;
        }

        _index++;
        return "(" + string.Join("|", parts) + ")";
    }

    private int MatchingBrace(int open)
    {
        var depth = 0;
        for (var i = open; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\') { i++; continue; }
            if (pattern[i] == '{') depth++;
            else if (pattern[i] == '}' && --depth == 0) return i;
        }

        return -1;
    }

    private static bool HasTopLevelComma(string content)
    {
        var depth = 0;
        for (var i = 0; i < content.Length; i++)
        {
            switch (content[i])
            {
                case '\\': i++; break;
                case '{' or '(': depth++; break;
                case '}' or ')': depth--; break;
                case ',' when depth == 0: return true;
            }
        }

        return false;
    }

    private string Bracket()
    {
        var close = _index + 2 <= pattern.Length ? pattern.IndexOf(']', _index + 2) : -1;
        if (close < 0)
        {
            _index++;
            return @"\[";
        }

        var content = pattern[(_index + 1)..close];
        // [[:alpha:]] — the class ends after the POSIX class's own "]"
        if (content.StartsWith("[:", StringComparison.Ordinal) && content.EndsWith(':') && close + 1 < pattern.Length && pattern[close + 1] == ']')
        {
            content += "]";
            close++;
        }

        _index = close + 1;
        _lastWasStarOrBracket = true;
        var translated = PosixClasses(content);
        if (content.StartsWith('!')) return @"(?:\[" + Regex.Escape(content) + @"\]|[" + translated + "])";
        if (content.StartsWith('^')) return "[" + translated + "/]";
        return "[" + translated + "]";
    }

    private static string PosixClasses(string content) => content
        .Replace("[:alnum:]", "a-zA-Z0-9", StringComparison.Ordinal)
        .Replace("[:alpha:]", "a-zA-Z", StringComparison.Ordinal)
        .Replace("[:ascii:]", @"\x00-\x7F", StringComparison.Ordinal)
        .Replace("[:blank:]", @" \t", StringComparison.Ordinal)
        .Replace("[:cntrl:]", @"\x00-\x1F\x7F", StringComparison.Ordinal)
        .Replace("[:digit:]", "0-9", StringComparison.Ordinal)
        .Replace("[:graph:]", @"\x21-\x7E", StringComparison.Ordinal)
        .Replace("[:lower:]", "a-z", StringComparison.Ordinal)
        .Replace("[:print:]", @"\x20-\x7E ", StringComparison.Ordinal)
        .Replace("[:punct:]", @"\-!""#$%&'()\*+,./:;<=>?@[\]^_`{|}~", StringComparison.Ordinal)
        .Replace("[:space:]", @" \t\r\n\v\f", StringComparison.Ordinal)
        .Replace("[:upper:]", "A-Z", StringComparison.Ordinal)
        .Replace("[:word:]", "A-Za-z0-9_", StringComparison.Ordinal)
        .Replace("[:xdigit:]", "A-Fa-f0-9", StringComparison.Ordinal);
}
