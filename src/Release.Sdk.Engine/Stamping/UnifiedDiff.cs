using System.Text;

namespace Release.Sdk.Engine.Stamping;

/// <summary>
/// A <c>git diff</c>-style unified diff (3 lines of context, <c>a/</c> and <c>b/</c> prefixes, "\ No newline at end of
/// file" markers) of one file, for dry runs. Line breaks are compared as part of the line but not printed.
/// </summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    // Above this many cells the middle (after common prefix and suffix) is shown as replaced wholesale: still a correct
    // diff, just not a minimal one, and stamping or prepending never gets near it.
    private const long MaxLcsCells = 4_000_000;

    private enum Op { Equal, Delete, Insert }

    /// <param name="path">Repository-relative path shown in the header.</param>
    /// <param name="oldContent">Content before; null when the file is created.</param>
    /// <param name="newContent">Content after; null when the file is deleted.</param>
    /// <returns>The diff, ending with a line break; empty when the contents are equal.</returns>
    public static string Render(string path, string? oldContent, string? newContent)
    {
        if (string.Equals(oldContent, newContent, StringComparison.Ordinal)) return "";
        var oldLines = SplitLines(oldContent);
        var newLines = SplitLines(newContent);
        var script = EditScript(oldLines, newLines);

        var diff = new StringBuilder();
        diff.Append("--- ").Append(oldContent is null ? "/dev/null" : "a/" + path).Append('\n');
        diff.Append("+++ ").Append(newContent is null ? "/dev/null" : "b/" + path).Append('\n');
        foreach (var (from, to) in Hunks(script)) AppendHunk(diff, script, from, to, oldLines, newLines);
        return diff.ToString();
    }

    private static List<string> SplitLines(string? content)
    {
        var lines = new List<string>();
        if (string.IsNullOrEmpty(content)) return lines;
        var start = 0;
        while (start < content.Length)
        {
            var end = content.IndexOf('\n', start);
            if (end < 0) { lines.Add(content[start..]); break; }
            lines.Add(content[start..(end + 1)]);
            start = end + 1;
        }
        return lines;
    }

    private static List<(Op Op, int Old, int New)> EditScript(List<string> a, List<string> b)
    {
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix]) suffix++;

        var script = new List<(Op, int, int)>();
        for (var i = 0; i < prefix; i++) script.Add((Op.Equal, i, i));
        Middle(a, b, prefix, a.Count - suffix, prefix, b.Count - suffix, script);
        for (var k = suffix; k > 0; k--) script.Add((Op.Equal, a.Count - k, b.Count - k));
        return script;
    }

    private static void Middle(List<string> a, List<string> b, int aFrom, int aTo, int bFrom, int bTo, List<(Op, int, int)> script)
    {
        int n = aTo - aFrom, m = bTo - bFrom;
        if ((long)n * m > MaxLcsCells || n == 0 || m == 0)
        {
            for (var i = aFrom; i < aTo; i++) script.Add((Op.Delete, i, bFrom));
            for (var j = bFrom; j < bTo; j++) script.Add((Op.Insert, aTo, j));
            return;
        }
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                lcs[i, j] = a[aFrom + i] == b[bFrom + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[aFrom + x] == b[bFrom + y]) { script.Add((Op.Equal, aFrom + x, bFrom + y)); x++; y++; }
            else if (y < m && (x == n || lcs[x, y + 1] > lcs[x + 1, y])) { script.Add((Op.Insert, aFrom + x, bFrom + y)); y++; }
            else { script.Add((Op.Delete, aFrom + x, bFrom + y)); x++; }
        }
    }

    /// <summary>Ranges of the edit script (start inclusive, end exclusive): changes with their context, merged like git's.</summary>
    private static List<(int From, int To)> Hunks(List<(Op Op, int Old, int New)> script)
    {
        var changes = Enumerable.Range(0, script.Count).Where(k => script[k].Op != Op.Equal).ToList();
        var hunks = new List<(int From, int To)>();
        var first = 0;
        for (var c = 1; c <= changes.Count; c++)
        {
            // git joins two changes into one hunk when the unchanged lines between them fit in both contexts.
            if (c < changes.Count && changes[c] - changes[c - 1] - 1 <= 2 * Context) continue;
            hunks.Add((Math.Max(0, changes[first] - Context), Math.Min(script.Count, changes[c - 1] + 1 + Context)));
            first = c;
        }
        return hunks;
    }

    private static void AppendHunk(StringBuilder diff, List<(Op Op, int Old, int New)> script, int from, int to, List<string> a, List<string> b)
    {
        var oldStart = script[from].Old;
        var newStart = script[from].New;
        var oldCount = 0;
        var newCount = 0;
        for (var k = from; k < to; k++)
        {
            if (script[k].Op != Op.Insert) oldCount++;
            if (script[k].Op != Op.Delete) newCount++;
        }
        diff.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).Append(" @@\n");
        for (var k = from; k < to; k++)
        {
            var (op, oldIndex, newIndex) = script[k];
            var line = op == Op.Insert ? b[newIndex] : a[oldIndex];
            diff.Append(op switch { Op.Equal => ' ', Op.Delete => '-', _ => '+' }).Append(line.TrimEnd('\n').TrimEnd('\r')).Append('\n');
            if (!line.EndsWith('\n')) diff.Append("\\ No newline at end of file\n");
        }
    }

    // git: "start,count", with ",1" omitted, and for an empty range the line before it.
    private static string Range(int start, int count) => count switch
    {
        0 => $"{start},0",
        1 => $"{start + 1}",
        _ => $"{start + 1},{count}",
    };
}
