using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Report;

namespace Release.Sdk.Gates.Tests.Report;

public sealed class GateReportTests
{
    /// <summary>Compares with Snapshots/NAME; RSDK_UPDATE_SNAPSHOTS=1 rewrites the file in the source tree instead (review the diff!).</summary>
    private static void AssertSnapshot(string name, string actual, [System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        if (Environment.GetEnvironmentVariable("RSDK_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(source)!, "..", "Snapshots", name), actual);
            return;
        }
        Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Snapshots", name)).ReplaceLineEndings("\n"), actual);
    }

    /// <summary>
    /// release-gates.json is a published contract (docs/gates-report-schema.md): a change here must be deliberate —
    /// additive (keep schemaVersion 1, update the snapshot and the schema doc) or breaking (bump schemaVersion).
    /// </summary>
    [Fact]
    public void The_json_report_matches_schema_version_1()
    {
        AssertSnapshot("release-gates.v1.json", GateReportJson.Write(SampleReport.Create()));
    }

    [Fact]
    public void The_markdown_report_has_a_verdict_a_row_per_gate_and_the_findings_of_gates_that_did_not_pass()
    {
        AssertSnapshot("release-gates.md", GateReportMarkdown.Write(SampleReport.Create()));
    }

    [Fact]
    public void The_notes_table_is_short_figures_where_there_are_some_else_the_summary()
    {
        Assert.Equal("""
            ### Quality gates

            | Gate | Result | Figures |
            | --- | --- | --- |
            | coverage | ✅ pass | line coverage 87.3% (threshold 85%), branch coverage 71% |
            | docs | ⚠️ warn | warnings 1, errors 0 (threshold 0) |
            | lint | ❌ fail | `./eng/lint.sh` exited with 1 |
            """.ReplaceLineEndings("\n"), GateReportMarkdown.NotesTable(SampleReport.Create()));
    }

    [Theory]
    [InlineData("block", false, true, "❌ **Release blocked** by lint")]
    [InlineData("report", false, false, "(ReleaseGatesMode=report: reported, not blocking)")]
    [InlineData("block", true, false, "(dry run: reported, not blocking)")]
    public void Only_block_mode_outside_a_dry_run_blocks(string mode, bool dryRun, bool blocks, string verdict)
    {
        var report = SampleReport.Create(mode == "block" ? GatesMode.Block : GatesMode.Report, dryRun);

        Assert.Equal(blocks, report.Blocks);
        Assert.Contains(verdict, GateReportMarkdown.Verdict(report), StringComparison.Ordinal);
        Assert.Equal(blocks, GateVerdict.Error(report, "obj/release-gates.md") is not null);
    }

    [Fact]
    public void The_blocking_error_names_each_failed_gate_its_figures_and_its_remedy()
    {
        var error = GateVerdict.Error(SampleReport.Create(), "obj/release-gates.md")!;

        Assert.Equal("RSDK5001", error.Code);
        Assert.Equal(
            "The release is blocked: quality gate 'lint' (`./eng/lint.sh` exited with 1) failed. Nothing was committed, tagged or published. " +
            "What to do: lint: Run the command locally, fix what it reports (see the gate's output.log), and release again. " +
            "The report with every gate's figures and findings: obj/release-gates.md. " +
            "To see the gates' results without blocking while you fix them, set ReleaseGatesMode=report.",
            error.Message);
    }

    [Fact]
    public void Warnings_never_block_and_report_mode_failures_are_warnings()
    {
        var warnings = GateVerdict.Warnings(SampleReport.Create(GatesMode.Report), "obj/release-gates.md");

        Assert.Equal(["RSDK5005", "RSDK5006"], warnings.Select(w => w.Code));
        Assert.StartsWith("Gate 'docs' warns: docs built with 1 warning(s), 0 error(s).", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("'lint'", warnings[1].Message, StringComparison.Ordinal);
        Assert.Contains("not blocking because ReleaseGatesMode=report", warnings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Figures_that_are_not_numbers_are_null_in_json_rather_than_a_broken_file()
    {
        var report = SampleReport.Create(results: [new("bench", "benchmark", GateStatus.Pass, "no data", [new("regression", double.NaN, "%")], [], null, TimeSpan.Zero)]);

        Assert.Contains("\"value\": null", GateReportJson.Write(report), StringComparison.Ordinal);
    }
}
