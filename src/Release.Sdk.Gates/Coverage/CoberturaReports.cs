using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Gates.Coverage;

/// <summary>
/// Reads Cobertura XML (coverlet's format) and merges several reports line by line: a solution with two test projects
/// yields one report each, and a source line covered by either counts once. Summing the reports' own line-rate would
/// double-count shared code, so the totals are recomputed from the lines.
/// </summary>
internal static partial class CoberturaReports
{
    [GeneratedRegex(@"\((?<covered>\d+)/(?<total>\d+)\)")]
    private static partial Regex ConditionCoverage();

    private sealed class LineState
    {
        public bool Hit;
        public int BranchesCovered;
        public int BranchesTotal;
    }

    /// <param name="reports">(name for errors, XML text) of each report.</param>
    public static CoverageTotals Merge(IEnumerable<(string Name, string Xml)> reports)
    {
        var lines = new Dictionary<(string File, int Line), LineState>();
        var count = 0;
        foreach (var (name, xml) in reports)
        {
            count++;
            foreach (var (file, number, hits, covered, total) in ReadLines(name, xml))
            {
                if (!lines.TryGetValue((file, number), out var state)) lines[(file, number)] = state = new LineState();
                state.Hit |= hits > 0;
                // Two runs of the same line see the same branches; the one that took more of them wins.
                if (covered > state.BranchesCovered || total > state.BranchesTotal)
                {
                    state.BranchesCovered = Math.Max(state.BranchesCovered, covered);
                    state.BranchesTotal = Math.Max(state.BranchesTotal, total);
                }
            }
        }

        var files = lines.GroupBy(l => l.Key.File, StringComparer.Ordinal)
            .Select(g => new FileCoverage(g.Key, g.Count(l => l.Value.Hit), g.Count()))
            .OrderByDescending(f => f.Uncovered).ThenBy(f => f.File, StringComparer.Ordinal).ToList();
        return new CoverageTotals(
            lines.Values.Count(l => l.Hit), lines.Count,
            lines.Values.Sum(l => l.BranchesCovered), lines.Values.Sum(l => l.BranchesTotal), count) { Files = files };
    }

    private static IEnumerable<(string File, int Line, long Hits, int Covered, int Total)> ReadLines(string name, string xml)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(xml);
        }
        catch (XmlException e)
        {
            throw Unreadable(name, e.Message);
        }

        if (document.Root?.Name.LocalName != "coverage") throw Unreadable(name, "the root element is not <coverage>");
        var result = new List<(string, int, long, int, int)>();
        // coverlet writes file names relative to <sources>; with a single source root the full path is known, so two
        // reports with different roots (deterministic builds map paths) still agree on a file.
        var sources = document.Root.Elements("sources").Elements("source").Select(e => e.Value.Trim()).ToList();
        foreach (var cls in document.Descendants("class"))
        {
            var file = cls.Attribute("filename")?.Value ?? cls.Attribute("name")?.Value ?? "";
            if (sources.Count == 1 && !Path.IsPathRooted(file)) file = Path.Combine(sources[0], file);
            // Only the class's own <lines>: the same lines are repeated under each <method>.
            foreach (var line in cls.Elements("lines").Elements("line"))
            {
                if (!int.TryParse(line.Attribute("number")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ||
                    !long.TryParse(line.Attribute("hits")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var hits))
                    throw Unreadable(name, $"a <line> in {file} has no numeric number/hits");
                var (covered, total) = (0, 0);
                if (string.Equals(line.Attribute("branch")?.Value, "true", StringComparison.OrdinalIgnoreCase) &&
                    ConditionCoverage().Match(line.Attribute("condition-coverage")?.Value ?? "") is { Success: true } m)
                {
                    covered = int.Parse(m.Groups["covered"].Value, CultureInfo.InvariantCulture);
                    total = int.Parse(m.Groups["total"].Value, CultureInfo.InvariantCulture);
                }
                result.Add((file, number, hits, covered, total));
            }
        }
        return result;
    }

    private static ReleaseException Unreadable(string name, string why) =>
        new(DiagnosticCatalog.GateReportUnreadable,
            $"The Cobertura report {name} cannot be read ({why}). Check that the test projects use coverlet.collector and rerun; delete the gate's output folder if the file is left over from a crashed run.");
}
