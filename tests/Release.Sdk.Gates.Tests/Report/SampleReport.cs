using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Report;

namespace Release.Sdk.Gates.Tests.Report;

/// <summary>A report with one gate of each status, figures with and without thresholds, and findings with and without places.</summary>
internal static class SampleReport
{
    public static readonly DateTimeOffset At = new(2026, 11, 26, 23, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<GateResult> Results { get; } =
    [
        new("coverage", "coverage", GateStatus.Pass, "line 87.3% (≥ 85%), branch 71%",
            [new("line coverage", 87.3, "%", 85), new("branch coverage", 71.0, "%")], [], null, TimeSpan.FromSeconds(41.23)),
        new("docs", "docs", GateStatus.Warn, "docs built with 1 warning(s), 0 error(s)",
            [new("warnings", 1, ""), new("errors", 0, "", 0)],
            [new("InvalidFileLink", "Invalid file link:(~/missing.md).", "docs/index.md", 3, "warning")],
            "Fix the broken links and references docfx lists (docfx.log).", TimeSpan.FromSeconds(2.04)),
        new("lint", "command", GateStatus.Fail, "`./eng/lint.sh` exited with 1",
            [], [new("exit-code", "src/A.cs: trailing whitespace\nsrc/B.cs: tab | indent")],
            "Run the command locally, fix what it reports (see the gate's output.log), and release again.", TimeSpan.FromSeconds(0.5)),
    ];

    public static GateReport Create(GatesMode mode = GatesMode.Block, bool dryRun = false, IReadOnlyList<GateResult>? results = null) =>
        new(At, mode, dryRun, new GateRelease("1.2.0", "1.1.0", "v1.1.0", "minor"), results ?? Results, TimeSpan.FromSeconds(43.8));
}
