namespace Release.Sdk.Engine.Commits;

/// <summary>
/// JavaScript's (non-unicode-mode) notions of whitespace, word characters, line terminators and case-insensitive
/// character equality. The parser we port runs on V8; .NET's <c>\s</c>, <c>\w</c>, <c>.</c> and IgnoreCase differ
/// from JavaScript's on non-ASCII input, so every pattern spells these classes out.
/// </summary>
internal static class JsText
{
    /// <summary>JavaScript <c>\s</c> and the characters <c>String.prototype.trim</c> removes.</summary>
    public static bool IsWhiteSpace(char c) => c switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u00A0' or '\u1680' or '\u2028' or '\u2029'
            or '\u202F' or '\u205F' or '\u3000' or '\uFEFF' => true,
        >= '\u2000' and <= '\u200A' => true,
        _ => false,
    };

    /// <summary>JavaScript <c>\w</c> without the u flag.</summary>
    public static bool IsWordChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';

    /// <summary>The characters JavaScript's <c>.</c> does not match.</summary>
    public static bool IsLineTerminator(char c) => c is '\n' or '\r' or '\u2028' or '\u2029';

    public static string Trim(string s)
    {
        var (start, length) = TrimRange(s);
        return length == s.Length ? s : s.Substring(start, length);
    }

    /// <summary><see cref="Trim(string)"/> without making a string.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> text)
    {
        var (start, length) = TrimRange(text);
        return text.Slice(start, length);
    }

    /// <summary>Where the text <c>String.prototype.trim</c> leaves starts, and how long it is.</summary>
    public static (int Start, int Length) TrimRange(ReadOnlySpan<char> text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsWhiteSpace(text[start])) start++;
        while (end > start && IsWhiteSpace(text[end - 1])) end--;
        return (start, end - start);
    }

    /// <summary>Case-insensitive equality as the <c>i</c> flag without <c>u</c> defines it (ECMA-262 Canonicalize).</summary>
    public static bool EqualsIgnoreCase(char a, char b) => a == b || Canonicalize(a) == Canonicalize(b);

    public static bool StartsWithIgnoreCase(ReadOnlySpan<char> text, int index, string literal)
    {
        if (index < 0 || index + literal.Length > text.Length) return false;
        for (var i = 0; i < literal.Length; i++)
        {
            if (!EqualsIgnoreCase(text[index + i], literal[i])) return false;
        }

        return true;
    }

    private static char Canonicalize(char c)
    {
        var upper = char.ToUpperInvariant(c);
        return c >= 128 && upper < 128 ? c : upper;
    }
}
