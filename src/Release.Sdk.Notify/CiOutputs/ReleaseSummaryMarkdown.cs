using System.Text;

namespace Release.Sdk.Notify.CiOutputs;

/// <summary>The step summary of a release: heading, the release notes, the gate summary (when a report is given) and links.</summary>
internal static class ReleaseSummaryMarkdown
{
    /// <summary>Gate reports longer than this are cut: the step summary has a 1 MiB limit per step.</summary>
    public const int MaxGateSummaryChars = 64 * 1024;

    public static string Write(string version, string tag, string notes, string? gateSummary, IEnumerable<KeyValuePair<string, string>> links)
    {
        var text = new StringBuilder();
        text.Append("## Released ").Append(version).Append(" (`").Append(tag).Append("`)\n\n");
        if (notes.Trim().Length > 0) text.Append(notes.Trim()).Append("\n\n");
        if (gateSummary is { } gates && gates.Trim().Length > 0)
        {
            var shown = gates.Length > MaxGateSummaryChars ? gates[..MaxGateSummaryChars] + "\n\n…(cut; the full report is in the gate report file)" : gates;
            text.Append("### Quality gates\n\n").Append(shown.Trim()).Append("\n\n");
        }
        var linkList = links.Where(l => l.Value.Length > 0).ToList();
        if (linkList.Count > 0)
        {
            text.Append("### Links\n\n");
            foreach (var (name, url) in linkList) text.Append("- [").Append(name).Append("](").Append(url).Append(")\n");
        }
        return text.ToString();
    }
}
