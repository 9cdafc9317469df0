namespace Release.Sdk.Engine.Stamping;

/// <summary>Maps a parser's 1-based (line, column) back to a character index, with XML's line breaks (CRLF, LF, CR).</summary>
internal sealed class LineIndex
{
    private readonly List<int> _lineStarts = [0];

    public LineIndex(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            if (text[i] is '\n' or '\r') _lineStarts.Add(i + 1);
        }
    }

    public int IndexOf(int line, int column) => _lineStarts[line - 1] + column - 1;
}
