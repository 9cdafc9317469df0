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
    internal const string AnyChar = @"[^\n\r\u2028\u2029]";
    internal const string Star = "[^/]*?";
    internal const string NoDot = @"(?!\.)";
    internal const string OneChar = "(?=" + AnyChar + ")";
    internal const string GlobStar = @"(?:(?:(?!(?:^|\/)\.)" + AnyChar + ")*?)";

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

        var parser = new GlobParser(pattern[negations..]);
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

    private static bool IsWordChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';
}
