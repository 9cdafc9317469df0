using System.Text;

namespace Release.Sdk.Engine.Stamping;

/// <summary>Applies non-overlapping span edits, leaving every other character of the file as it was.</summary>
internal static class TextEdits
{
    public static StampResult Apply(string content, IEnumerable<TextEdit> edits)
    {
        var ordered = edits.OrderBy(e => e.Start).ToList();
        var result = new StringBuilder(content.Length + 32);
        var changes = new List<StampChange>();
        var position = 0;
        var line = 1;
        foreach (var edit in ordered)
        {
            if (edit.Start < position) throw new InvalidOperationException("Overlapping edits.");
            line += CountLineBreaks(content, position, edit.Start);
            result.Append(content, position, edit.Start - position);
            var old = content.Substring(edit.Start, edit.Length);
            result.Append(edit.Replacement);
            if (!string.Equals(old, edit.Replacement, StringComparison.Ordinal)) changes.Add(new StampChange(line, old, edit.Replacement));
            line += CountLineBreaks(content, edit.Start, edit.Start + edit.Length);
            position = edit.Start + edit.Length;
        }
        result.Append(content, position, content.Length - position);
        return new StampResult(changes.Count == 0 ? content : result.ToString(), changes);
    }

    private static int CountLineBreaks(string content, int from, int to)
    {
        var count = 0;
        for (var i = from; i < to; i++) if (content[i] == '\n') count++;
        return count;
    }
}
