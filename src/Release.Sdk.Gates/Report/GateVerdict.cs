using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Report;

/// <summary>
/// What a gates run means for the release: the coded error that blocks it (RSDK5001, naming every failed gate and
/// what to do) and the warnings that never block (RSDK5005 per warned gate; RSDK5006 for failures in report mode or a dry run).
/// </summary>
internal static class GateVerdict
{
    public static ReleaseException? Error(GateReport report, string reportPath)
    {
        if (!report.Blocks) return null;
        return new ReleaseException(DiagnosticCatalog.GatesFailed,
            $"The release is blocked: {Describe(report.Failed)}. Nothing was committed, tagged or published. " +
            $"What to do: {Remedies(report.Failed)} The report with every gate's figures and findings: {reportPath}. " +
            "To see the gates' results without blocking while you fix them, set ReleaseGatesMode=report.");
    }

    public static IReadOnlyList<Diagnostic> Warnings(GateReport report, string reportPath)
    {
        var warnings = report.Warned
            .Select(r => new Diagnostic(DiagnosticCatalog.GateWarned, $"Gate '{r.Gate}' warns: {r.Summary}.{(r.Remedy is null ? "" : " " + r.Remedy)}"))
            .ToList();
        if (report.Failed.Count > 0 && !report.Blocks)
        {
            var why = report.DryRun ? "this is a dry run" : "ReleaseGatesMode=report";
            warnings.Add(new Diagnostic(DiagnosticCatalog.GatesFailedReportOnly,
                $"{Describe(report.Failed)}; not blocking because {why}. A real release in block mode would stop here. " +
                $"What to do: {Remedies(report.Failed)} Report: {reportPath}."));
        }
        return warnings;
    }

    private static string Describe(IReadOnlyList<GateResult> failed) =>
        (failed.Count == 1 ? "quality gate " : $"{failed.Count} quality gates failed: ") +
        string.Join("; ", failed.Select(r => $"'{r.Gate}' ({r.Summary})")) + (failed.Count == 1 ? " failed" : "");

    private static string Remedies(IReadOnlyList<GateResult> failed) =>
        string.Join(" ", failed.Select(r => $"{r.Gate}: {(r.Remedy ?? "see its findings in the report.").TrimEnd('.')}."));
}
