namespace Release.Sdk.Engine.Commits;

/// <summary>
/// The parser's notes regex <c>/^[\s|*]*(kw1|kw2…)[:\s]+(.*)/i</c> as a linear scan with the same backtracking order
/// (keywords tried in the order given, so with "BREAKING CHANGE" before "BREAKING CHANGES" the longer one still
/// wins when the shorter is not followed by ':' or a space).
/// </summary>
internal sealed class NoteMatcher(IReadOnlyList<string>? keywords)
{
    private readonly string[]? _keywords = keywords is null ? null : ParserText.Alternatives(keywords);

    public bool TryMatch(string line, out string title, out string text)
    {
        title = text = "";
        if (!TryFind(line, out var start, out var keywordLength, out var textStart, out var textEnd)) return false;
        title = line.Substring(start, keywordLength);
        text = line[textStart..textEnd];
        return true;
    }

    /// <summary>Whether <paramref name="line"/> starts a note, without taking anything out of it.</summary>
    public bool Matches(ReadOnlySpan<char> line) => TryFind(line, out _, out _, out _, out _);

    private bool TryFind(ReadOnlySpan<char> line, out int start, out int keywordLength, out int textStart, out int textEnd)
    {
        start = keywordLength = textStart = textEnd = 0;
        if (_keywords is null) return false;
        var lead = 0;
        while (lead < line.Length && (JsText.IsWhiteSpace(line[lead]) || line[lead] is '|' or '*')) lead++;
        for (start = lead; start >= 0; start--)
        {
            foreach (var keyword in _keywords)
            {
                if (!JsText.StartsWithIgnoreCase(line, start, keyword)) continue;
                var separator = start + keyword.Length;
                if (separator >= line.Length || !IsSeparator(line[separator])) continue;
                textStart = separator;
                while (textStart < line.Length && IsSeparator(line[textStart])) textStart++;
                textEnd = textStart;
                while (textEnd < line.Length && !JsText.IsLineTerminator(line[textEnd])) textEnd++;
                keywordLength = keyword.Length;
                return true;
            }
        }

        return false;
    }

    private static bool IsSeparator(char c) => c == ':' || JsText.IsWhiteSpace(c);
}
