namespace Release.Sdk.Engine.Changelog;

/// <summary>Keeps a file's own line-ending style when text generated with "\n" is inserted into it.</summary>
internal static class LineEndings
{
    public const char ByteOrderMark = '\uFEFF';

    /// <summary>The style of the first line break in <paramref name="text"/>; "\n" when there is none.</summary>
    public static string Detect(string text)
    {
        var index = text.IndexOf('\n', StringComparison.Ordinal);
        return index > 0 && text[index - 1] == '\r' ? "\r\n" : "\n";
    }

    /// <summary>Rewrites every line break (CRLF, LF or lone CR) as <paramref name="newline"/>.</summary>
    public static string Normalize(string text, string newline)
    {
        var unified = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return newline == "\n" ? unified : unified.Replace("\n", newline, StringComparison.Ordinal);
    }

    /// <summary>JavaScript's String.prototype.trim also removes U+FEFF, which char.IsWhiteSpace does not count.</summary>
    public static string JsTrim(string text) => text.Trim().Trim(ByteOrderMark).Trim();

    public static string JsTrimStart(string text) => text.TrimStart().TrimStart(ByteOrderMark).TrimStart();
}
