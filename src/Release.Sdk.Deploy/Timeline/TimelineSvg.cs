using System.Globalization;
using System.Net;
using System.Text;
using Release.Sdk.Deploy.Analysis;
using Release.Sdk.Deploy.Journal;

namespace Release.Sdk.Deploy.Timeline;

/// <summary>
/// The deploy's timeline as a self-contained SVG: one column per step with the new version's traffic weight (bars),
/// error rate and p95 latency (lines, each scaled to its own maximum) and the step's verdict marked above it.
/// </summary>
internal static class TimelineSvg
{
    private const int Width = 960, Height = 360, Left = 60, Right = 20, Top = 50, Bottom = 110;

    public static string Render(DeployJournal journal)
    {
        var points = journal.Timeline;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        var title = $"{journal.Plan.App} {journal.StableVersion ?? "(none)"} → {journal.Plan.Version} · {journal.Plan.Strategy.ToString().ToLowerInvariant()} · {journal.Status.ToString().ToLowerInvariant()}";
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"20\" font-size=\"14\" font-weight=\"bold\">{Escape(title)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"38\">{Escape(journal.Outcome ?? journal.CurrentStep)}</text>\n");
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotWidth}\" height=\"{plotHeight}\" fill=\"none\" stroke=\"#ccc\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Top + 4}\" text-anchor=\"end\">100%</text><text x=\"{Left - 6}\" y=\"{Top + plotHeight}\" text-anchor=\"end\">0</text>\n");
        if (points.Count > 0)
        {
            var column = plotWidth / (double)points.Count;
            var maxError = Max(points.Select(p => p.ErrorRate));
            var maxLatency = Max(points.Select(p => p.P95Seconds));
            var errorLine = new List<string>();
            var latencyLine = new List<string>();
            for (var i = 0; i < points.Count; i++)
            {
                var p = points[i];
                var x = Left + (i * column);
                var centre = x + (column / 2);
                var barHeight = plotHeight * p.Weight / 100.0;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + 3:0.#}\" y=\"{Top + plotHeight - barHeight:0.#}\" width=\"{column - 6:0.#}\" height=\"{barHeight:0.#}\" fill=\"#9ecae1\"><title>{Escape($"{p.Label}: {p.Weight}% to {journal.Plan.Version}")}</title></rect>\n");
                if (!double.IsNaN(p.ErrorRate)) errorLine.Add(Point(centre, Top + plotHeight - (plotHeight * p.ErrorRate / maxError)));
                if (!double.IsNaN(p.P95Seconds)) latencyLine.Add(Point(centre, Top + plotHeight - (plotHeight * p.P95Seconds / maxLatency)));
                if (p.Verdict is { } verdict)
                {
                    var (colour, mark) = verdict switch
                    {
                        VerdictOutcome.Fail => ("#d62728", "✗"),
                        VerdictOutcome.Pass => ("#2ca02c", "✓"),
                        _ => ("#ff7f0e", "?"),
                    };
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{centre:0.#}\" y=\"{Top - 4}\" text-anchor=\"middle\" font-size=\"14\" fill=\"{colour}\">{mark}<title>{verdict.ToString().ToLowerInvariant()}</title></text>\n");
                }
                svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate({centre:0.#},{Top + plotHeight + 8}) rotate(40)\">{Escape(Shorten(p.Label))}</text>\n");
            }
            if (errorLine.Count > 0) svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{string.Join(' ', errorLine)}\" fill=\"none\" stroke=\"#d62728\" stroke-width=\"2\"/>\n");
            if (latencyLine.Count > 0) svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{string.Join(' ', latencyLine)}\" fill=\"none\" stroke=\"#9467bd\" stroke-width=\"2\" stroke-dasharray=\"5,3\"/>\n");
            var legendY = Height - 12;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{legendY - 9}\" width=\"12\" height=\"10\" fill=\"#9ecae1\"/><text x=\"{Left + 16}\" y=\"{legendY}\">weight of {Escape(journal.Plan.Version)}</text>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left + 170}\" y1=\"{legendY - 4}\" x2=\"{Left + 190}\" y2=\"{legendY - 4}\" stroke=\"#d62728\" stroke-width=\"2\"/><text x=\"{Left + 194}\" y=\"{legendY}\">error rate (max {maxError:P1})</text>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left + 360}\" y1=\"{legendY - 4}\" x2=\"{Left + 380}\" y2=\"{legendY - 4}\" stroke=\"#9467bd\" stroke-width=\"2\" stroke-dasharray=\"5,3\"/><text x=\"{Left + 384}\" y=\"{legendY}\">p95 latency (max {maxLatency * 1000:0.#} ms)</text>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + 580}\" y=\"{legendY}\">verdicts: ✓ pass ✗ fail ? inconclusive/no data</text>\n");
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static double Max(IEnumerable<double> values)
    {
        var max = values.Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).Max();
        return max > 0 ? max : 1;
    }

    private static string Point(double x, double y) => string.Create(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#}");

    private static string Shorten(string label) => label.Length > 24 ? label[..23] + "…" : label;

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
