namespace Release.Sdk.Engine.Commits;

/// <summary>Ports of conventional-commits-parser's utils.js string helpers.</summary>
internal static class ParserText
{
    /// <summary><c>trimNewLines</c>: strips leading and trailing CR/LF only.</summary>
    public static string TrimNewLines(string input)
    {
        var first = 0;
        while (first < input.Length && input[first] is '\r' or '\n') first++;
        if (first == input.Length) return "";
        var last = input.Length - 1;
        while (input[last] is '\r' or '\n') last--;
        return input.Substring(first, last - first + 1);
    }

    /// <summary><c>appendLine</c>: <c>src ? `${src}\n${line || ''}` : line || ''</c>.</summary>
    public static string AppendLine(string? source, string? line) =>
        string.IsNullOrEmpty(source) ? line ?? "" : source + "\n" + line;

    /// <summary><c>split(/\r?\n/)</c>.</summary>
    public static List<string> SplitLines(string input)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] != '\n') continue;
            var end = i > start && input[i - 1] == '\r' ? i - 1 : i;
            lines.Add(input[start..end]);
            start = i + 1;
        }

        lines.Add(input[start..]);
        return lines;
    }

    /// <summary><c>gpgFilter</c>: drops lines matching <c>/^\s*gpg:/</c>.</summary>
    public static bool IsGpgLine(ReadOnlySpan<char> line)
    {
        var i = 0;
        while (i < line.Length && JsText.IsWhiteSpace(line[i])) i++;
        return line[i..].StartsWith("gpg:", StringComparison.Ordinal);
    }

    /// <summary>The parser's default <c>fieldPattern</c> <c>/^-(.*?)-$/</c>; returns the field name ("" for <c>--</c>) or null when the line is not a field line.</summary>
    public static string? FieldName(string line)
    {
        if (line.Length < 2 || line[0] != '-' || line[^1] != '-') return null;
        for (var i = 1; i < line.Length - 1; i++)
        {
            if (JsText.IsLineTerminator(line[i])) return null;
        }

        return line[1..^1];
    }

    /// <summary><c>/@([\w-]+)/g</c> over the whole message.</summary>
    public static void AddMentions(string input, List<string> mentions)
    {
        var i = input.IndexOf('@');
        while (i >= 0 && i < input.Length)
        {
            var end = i + 1;
            while (end < input.Length && (JsText.IsWordChar(input[end]) || input[end] == '-')) end++;
            if (end > i + 1)
            {
                mentions.Add(input[(i + 1)..end]);
                i = input.IndexOf('@', end);
            }
            else
            {
                i = i + 1 < input.Length ? input.IndexOf('@', i + 1) : -1;
            }
        }
    }

    /// <summary>
    /// <c>joinOr</c>: option strings are trimmed and empty ones dropped; when nothing is left the joined alternation is
    /// empty, which as a regex group matches the empty string everywhere.
    /// </summary>
    public static string[] Alternatives(IReadOnlyList<string> values)
    {
        var result = values.Select(v => JsText.Trim(v ?? "")).Where(v => v.Length > 0).ToArray();
        return result.Length == 0 ? [""] : result;
    }
}
