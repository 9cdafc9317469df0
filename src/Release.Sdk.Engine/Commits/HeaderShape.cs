namespace Release.Sdk.Engine.Commits;

/// <summary>
/// The presets' header patterns (<see cref="PresetPatterns"/>), <c>^(\w*)(?:\((.*)\))?!?: (.*)$</c> and its angular
/// and breaking forms, matched by hand on a header without line terminators, with the regex's answer: the scope is the
/// longest one after which the rest still matches (its <c>.*</c> is greedy), and with <c>!?</c> the <c>!</c> is
/// taken when it can be. A property test holds this to the regexes. Used where 100k headers are matched at once.
/// </summary>
internal static class HeaderShape
{
    /// <summary>How the pattern treats a <c>!</c> before the colon.</summary>
    internal enum Bang
    {
        /// <summary>angular: no <c>!</c>.</summary>
        None,

        /// <summary>conventionalcommits: <c>!?</c>.</summary>
        Optional,

        /// <summary>conventionalcommits' breaking pattern: <c>!</c>.</summary>
        Required,
    }

    /// <param name="header">A header containing no line terminator (the caller checks).</param>
    /// <param name="scopeStart">-1 when the optional scope group did not take part.</param>
    public static bool TryMatch(ReadOnlySpan<char> header, Bang bang, out int typeLength, out int scopeStart, out int scopeLength, out int subjectStart)
    {
        typeLength = 0;
        while (typeLength < header.Length && JsText.IsWordChar(header[typeLength])) typeLength++;
        scopeStart = -1;
        scopeLength = 0;
        if (typeLength < header.Length && header[typeLength] == '(')
        {
            // Skipping the group cannot help: the rest would have to start at '(' (and \w* giving back a word
            // character cannot either), so the group is there or nothing matches.
            for (var close = header.Length - 1; close > typeLength; close--)
            {
                if (header[close] != ')' || !TryRest(header, close + 1, bang, out subjectStart)) continue;
                scopeStart = typeLength + 1;
                scopeLength = close - scopeStart;
                return true;
            }
            subjectStart = 0;
            return false;
        }
        return TryRest(header, typeLength, bang, out subjectStart);
    }

    private static bool TryRest(ReadOnlySpan<char> header, int at, Bang bang, out int subjectStart)
    {
        var rest = header[at..];
        if (bang != Bang.None && rest.StartsWith("!: ", StringComparison.Ordinal))
        {
            subjectStart = at + 3;
            return true;
        }
        if (bang != Bang.Required && rest.StartsWith(": ", StringComparison.Ordinal))
        {
            subjectStart = at + 2;
            return true;
        }
        subjectStart = 0;
        return false;
    }
}
