namespace Release.Sdk.Engine.Versioning;

/// <summary>
/// The official SemVer 2 grammar (semver.org's regex, see <see cref="SemVer.TryParse"/>) checked by hand: every tag
/// of a repository is checked on every build, and the first generated regex a process runs costs it ~9 ms of setup.
/// Faithful to the regex as .NET runs it, quirks included: <c>\d</c> is any Unicode decimal digit and <c>$</c> also
/// matches before a final line feed. A property test compares both on generated text.
/// </summary>
internal static class SemVerGrammar
{
    /// <summary><c>MAJOR.MINOR.PATCH[-prerelease][+build]</c>, numbers without leading zeros.</summary>
    public static bool IsValid(string text)
    {
        var end = text.EndsWith('\n') ? text.Length - 1 : text.Length;
        var at = 0;
        if (!Number(text, ref at, end) || !Char(text, ref at, end, '.')
            || !Number(text, ref at, end) || !Char(text, ref at, end, '.')
            || !Number(text, ref at, end))
        {
            return false;
        }
        if (Char(text, ref at, end, '-') && !Identifiers(text, ref at, end, prerelease: true)) return false;
        if (Char(text, ref at, end, '+') && !Identifiers(text, ref at, end, prerelease: false)) return false;
        return at == end;
    }

    /// <summary><c>0|[1-9]\d*</c>.</summary>
    private static bool Number(string text, ref int at, int end)
    {
        if (at == end || !char.IsAsciiDigit(text[at])) return false;
        if (text[at++] == '0') return true;
        while (at < end && char.IsDigit(text[at])) at++;
        return true;
    }

    /// <summary>Dot-separated identifiers up to the next character none of them may contain.</summary>
    private static bool Identifiers(string text, ref int at, int end, bool prerelease)
    {
        while (true)
        {
            var start = at;
            while (at < end && (char.IsDigit(text[at]) || IsAlphanumericOrHyphen(text[at]))) at++;
            if (!(prerelease ? IsPrereleaseIdentifier(text, start, at) : IsBuildIdentifier(text, start, at))) return false;
            if (!Char(text, ref at, end, '.')) return true;
        }
    }

    /// <summary><c>0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*</c>.</summary>
    private static bool IsPrereleaseIdentifier(string text, int start, int end)
    {
        if (start == end) return false;
        var digits = start;
        while (digits < end && char.IsDigit(text[digits])) digits++;
        if (digits == end) return text[start] == '0' ? end - start == 1 : char.IsAsciiDigit(text[start]);
        if (!IsLetterOrHyphen(text[digits])) return false;
        for (var i = digits + 1; i < end; i++)
        {
            if (!IsAlphanumericOrHyphen(text[i])) return false;
        }
        return true;
    }

    /// <summary><c>[0-9a-zA-Z-]+</c>.</summary>
    private static bool IsBuildIdentifier(string text, int start, int end)
    {
        if (start == end) return false;
        for (var i = start; i < end; i++)
        {
            if (!IsAlphanumericOrHyphen(text[i])) return false;
        }
        return true;
    }

    private static bool Char(string text, ref int at, int end, char c)
    {
        if (at == end || text[at] != c) return false;
        at++;
        return true;
    }

    private static bool IsLetterOrHyphen(char c) => char.IsAsciiLetter(c) || c == '-';

    private static bool IsAlphanumericOrHyphen(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';
}
