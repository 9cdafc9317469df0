using System.Globalization;
using System.Text;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Report;

/// <summary>
/// release-gates.md (also appended to the GitHub Actions step summary): a verdict line, one table row per gate, then
/// each warned or failed gate's remedy and findings. And the short table for the release notes.
/// </summary>
internal static class GateReportMarkdown
{
    /// <summary>Findings listed per gate; the JSON report and the gate's folder have them all.</summary>
    internal const int MaxFindingsPerGate = 20;

    public static string Write(GateReport report)
    {
        var md = new StringBuilder();
        md.Append("## Release quality gates\n\n");
        md.Append(Verdict(report)).Append("\n\n");
        md.Append("| Gate | Result | Summary | Time |\n| --- | --- | --- | ---: |\n");
        foreach (var result in report.Results)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {Cell(result.Gate)} | {Icon(result.Status)} {GateLine.Status(result.Status)} | {Cell(result.Summary)} | {GateLine.Seconds(result.Duration)} |\n");
        }

        foreach (var result in report.Results.Where(r => r.Status != GateStatus.Pass))
        {
            md.Append(CultureInfo.InvariantCulture, $"\n### {Icon(result.Status)} {result.Gate} ({result.Kind})\n\n{result.Summary}\n");
            if (result.Remedy is not null) md.Append(CultureInfo.InvariantCulture, $"\n**What to do:** {result.Remedy}\n");
            if (result.Findings.Count > 0) md.Append('\n');
            foreach (var finding in result.Findings.Take(MaxFindingsPerGate)) md.Append(Finding(finding));
            if (result.Findings.Count > MaxFindingsPerGate)
                md.Append(CultureInfo.InvariantCulture, $"- … and {result.Findings.Count - MaxFindingsPerGate} more (release-gates.json lists them all)\n");
        }
        return md.ToString();
    }

    /// <summary>The short table the release notes get with ReleaseGatesInNotes=true.</summary>
    public static string NotesTable(GateReport report)
    {
        var md = new StringBuilder("### Quality gates\n\n| Gate | Result | Figures |\n| --- | --- | --- |\n");
        foreach (var result in report.Results)
            md.Append(CultureInfo.InvariantCulture, $"| {Cell(result.Gate)} | {Icon(result.Status)} {GateLine.Status(result.Status)} | {Cell(FiguresOrSummary(result))} |\n");
        return md.ToString().TrimEnd('\n');
    }

    internal static string Verdict(GateReport report)
    {
        var counts = string.Create(CultureInfo.InvariantCulture,
            $"{report.Count(GateStatus.Pass)} passed, {report.Count(GateStatus.Warn)} warned, {report.Count(GateStatus.Fail)} failed in {GateLine.Seconds(report.Duration)}");
        var failed = string.Join(", ", report.Failed.Select(r => r.Gate));
        var verdict = (report.Outcome, report.Blocks, report.DryRun) switch
        {
            (GateStatus.Fail, true, _) => $"❌ **Release blocked** by {failed}",
            (GateStatus.Fail, false, true) => $"❌ **Failed: {failed}** (dry run: reported, not blocking)",
            (GateStatus.Fail, false, false) => $"❌ **Failed: {failed}** (ReleaseGatesMode=report: reported, not blocking)",
            (GateStatus.Warn, _, _) => "⚠️ **Passed with warnings**",
            _ => "✅ **All gates passed**",
        };
        var release = report.Release is { } r ? $" · release {r.Version} ({r.ReleaseType})" : "";
        return $"{verdict} — {counts}{release}";
    }

    private static string FiguresOrSummary(GateResult result) =>
        result.Figures.Count == 0 ? result.Summary : string.Join(", ", result.Figures.Select(Figure));

    internal static string Figure(GateFigure figure)
    {
        var value = Number(figure.Value) + Unit(figure.Unit);
        return figure.Threshold is { } threshold ? $"{figure.Name} {value} (threshold {Number(threshold)}{Unit(figure.Unit)})" : $"{figure.Name} {value}";
    }

    private static string Finding(GateFinding finding)
    {
        var where = finding.File is null ? "" : finding.Line is { } line ? $"`{finding.File}:{line}` " : $"`{finding.File}` ";
        var severity = finding.Severity is null ? "" : $" ({finding.Severity})";
        var message = finding.Message.Contains('\n', StringComparison.Ordinal)
            ? $"\n  ```\n  {finding.Message.Replace("\n", "\n  ", StringComparison.Ordinal)}\n  ```"
            : " " + finding.Message;
        return $"- {where}**{finding.Rule}**{severity}:{message}\n";
    }

    private static string Icon(GateStatus status) => status switch
    {
        GateStatus.Pass => "✅",
        GateStatus.Warn => "⚠️",
        _ => "❌",
    };

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("0.##", CultureInfo.InvariantCulture) : "n/a";

    private static string Unit(string unit) => unit.Length == 0 ? "" : unit == "%" ? "%" : " " + unit;

    // A table cell is one line without pipes.
    private static string Cell(string text) => text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);
}
