using System.Text;
using System.Text.RegularExpressions;

namespace Release.Sdk.Engine.Analysis;

/// <summary>
/// Turns a glob into the regular expression picomatch 2.3.x would build (its fast paths, its simple path for
/// patterns without <c>/()[]{}"</c>, and the subset of its full parser covering stars, globstars, <c>?</c>,
/// brackets with POSIX classes, braces, extglobs and negation), written for .NET with JavaScript's meaning of
/// <c>.</c> and <c>$</c>. A pattern picomatch cannot compile (an unclosed brace) yields null: it matches nothing.
/// </summary>
internal static class GlobCompiler
{
    private const string AnyChar = @"[^\n\r\u2028\u2029]";
    private const string Star = "[^/]*?";
    private const string NoDot = @"(?!\.)";
    private const string OneChar = "(?=" + AnyChar + ")";
    private const string GlobStar = @"(?:(?:(?!(?:^|\/)\.)" + AnyChar + ")*?)";

    public static Regex? TryCompile(string pattern)
    {
        var source = Source(pattern);
        if (source is null) return null;
        try
        {
            return new Regex(source, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    internal static string? Source(string pattern)
    {
        if (FastPath(pattern) is { } fast) return Wrap(fast + @"\/?");
        if (IsSimple(pattern)) return Wrap(SimplePath(pattern));
        var negations = 0;
        while (negations < pattern.Length && pattern[negations] == '!'
               && !(negations + 1 < pattern.Length && pattern[negations + 1] == '(' && !(negations + 2 < pattern.Length && pattern[negations + 2] == '?')))
        {
            negations++;
        }

        var parser = new FullParser(pattern[negations..]);
        if (parser.Parse() is not { } body) return null;
        var wrapped = Wrap(body);
        return negations % 2 == 1 ? @"\A(?!" + wrapped + ")" + AnyChar + @"*\z" : wrapped;
    }

    private static string Wrap(string body) => @"\A(?:" + body + @")\z";

    private static string? FastPath(string pattern)
    {
        if (pattern.Length == 0 || pattern[0] is not ('.' or '*')) return null;
        switch (pattern)
        {
            case "*": return NoDot + OneChar + Star;
            case ".*": return @"\." + OneChar + Star;
            case "*.*": return NoDot + Star + @"\." + OneChar + Star;
            case "*/*": return NoDot + Star + @"\/" + OneChar + NoDot + Star;
            case "**": return NoDot + GlobStar;
            case "**/*": return "(?:" + NoDot + GlobStar + @"\/)?" + NoDot + OneChar + Star;
        }

        var dot = pattern.LastIndexOf('.');
        if (dot <= 0 || dot == pattern.Length - 1 || !pattern[(dot + 1)..].All(IsWordChar)) return null;
        return FastPath(pattern[..dot]) is { } head ? head + @"\." + pattern[(dot + 1)..] : null;
    }

    /// <summary>A pattern picomatch compiles to an escaped copy of itself, so only equal input matches it.</summary>
    public static bool IsLiteral(string pattern) =>
        IsSimple(pattern) && pattern[0] != '.' && pattern.IndexOfAny(['\\', '?', '*']) < 0;

    private static bool IsSimple(string pattern) =>
        pattern.Length > 0 && pattern[0] is not ('*' or '!') && pattern.IndexOfAny(['/', '(', ')', '[', ']', '{', '}', '"']) < 0;

    private static string SimplePath(string pattern)
    {
        var output = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\' when i + 1 < pattern.Length:
                    output.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                case '?':
                    output.Append(i == 0 ? @"[^.\/]" : "[^/]");
                    break;
                case '*':
                    while (i + 1 < pattern.Length && pattern[i + 1] == '*') i++;
                    output.Append(Star);
                    break;
                default:
                    output.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return output.ToString();
    }

    internal static bool IsWordChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';

    /// <summary>picomatch's full parser, for the constructs release rules and branch names use.</summary>
    private sealed class FullParser(string pattern)
    {
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
                        if (run > 1 && atSegmentStart && segmentEnds) output.Append((_index - run == 0 ? NoDot : "") + GlobStar);
                        else output.Append(atSegmentStart ? NoDot + OneChar + Star : Star);
                        _lastWasStarOrBracket = true;
                        break;
                    case '?':
                        _index++;
                        output.Append(atSegmentStart ? @"[^/.]" : "[^/]");
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
}
