using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Coverage;
using Release.Sdk.Gates.Tests.BuiltIn;

namespace Release.Sdk.Gates.Tests.Coverage;

public sealed class CoberturaReportsTests
{
    private static string Report(params (string File, int Line, int Hits, string? Condition)[] lines) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <coverage line-rate="0" branch-rate="0" version="1.9"><packages><package name="P"><classes>
        {string.Concat(lines.GroupBy(l => l.File).Select(g => $"""
            <class name="{g.Key}" filename="{g.Key}"><methods><method name="M"><lines>{string.Concat(g.Select(Line))}</lines></method></methods>
            <lines>{string.Concat(g.Select(Line))}</lines></class>
            """))}
        </classes></package></packages></coverage>
        """;

    private static string Line((string File, int Line, int Hits, string? Condition) l) => l.Condition is null
        ? $"""<line number="{l.Line}" hits="{l.Hits}" branch="False" />"""
        : $"""<line number="{l.Line}" hits="{l.Hits}" branch="True" condition-coverage="{l.Condition}" />""";

    [Fact]
    public void Recorded_coverlet_report_gives_the_same_rates_as_its_own_header()
    {
        var totals = CoberturaReports.Merge([("partial", Samples.Recorded("partial.cobertura.xml"))]);

        // coverlet's header: line-rate="0.5555" branch-rate="0.4" (10 of 18 lines, 4 of 10 branches)
        Assert.Equal((10, 18), (totals.LinesCovered, totals.LinesValid));
        Assert.Equal((4, 10), (totals.BranchesCovered, totals.BranchesValid));
        Assert.Equal(55.56, totals.LinePercent);
        Assert.Equal(40, totals.BranchPercent);
    }

    [Fact]
    public void Files_are_listed_with_the_most_uncovered_first()
    {
        var totals = CoberturaReports.Merge([("r", Report(("A.cs", 1, 1, null), ("B.cs", 1, 0, null), ("B.cs", 2, 0, null), ("A.cs", 2, 0, null)))]);

        Assert.Equal([new FileCoverage("B.cs", 0, 2), new FileCoverage("A.cs", 1, 2)], totals.Files);
    }

    [Fact]
    public void File_names_are_resolved_against_the_single_source_root()
    {
        var totals = CoberturaReports.Merge([("partial", Samples.Recorded("partial.cobertura.xml"))]);

        Assert.Equal("/tmp/gb-cov/Calculator/Arithmetic.cs", Assert.Single(totals.Files).File);
    }

    [Fact]
    public void Lines_repeated_under_methods_are_counted_once()
    {
        var totals = CoberturaReports.Merge([("r", Report(("A.cs", 1, 1, null), ("A.cs", 2, 0, null)))]);

        Assert.Equal((1, 2), (totals.LinesCovered, totals.LinesValid));
    }

    [Fact]
    public void Merging_reports_unions_covered_lines_instead_of_adding_them()
    {
        var first = Report(("A.cs", 1, 1, null), ("A.cs", 2, 0, null), ("Shared.cs", 1, 3, null));
        var second = Report(("A.cs", 1, 0, null), ("A.cs", 2, 5, null), ("Shared.cs", 1, 1, null), ("B.cs", 7, 0, null));

        var totals = CoberturaReports.Merge([("first", first), ("second", second)]);

        Assert.Equal(4, totals.LinesValid); // A.cs:1, A.cs:2, Shared.cs:1, B.cs:7
        Assert.Equal(3, totals.LinesCovered);
        Assert.Equal(75, totals.LinePercent);
        Assert.Equal(2, totals.Reports);
    }

    [Fact]
    public void Merging_a_report_with_itself_changes_nothing()
    {
        var xml = Samples.Recorded("failing.cobertura.xml");

        var once = CoberturaReports.Merge([("a", xml)]);
        var twice = CoberturaReports.Merge([("a", xml), ("b", xml)]);

        Assert.Equal(once with { Reports = 2, Files = [] }, twice with { Files = [] });
        Assert.Equal(once.Files, twice.Files);
    }

    [Fact]
    public void Merging_the_recorded_runs_is_at_least_as_covered_as_either()
    {
        var partial = CoberturaReports.Merge([("p", Samples.Recorded("partial.cobertura.xml"))]);
        var failing = CoberturaReports.Merge([("f", Samples.Recorded("failing.cobertura.xml"))]);
        var both = CoberturaReports.Merge([("p", Samples.Recorded("partial.cobertura.xml")), ("f", Samples.Recorded("failing.cobertura.xml"))]);

        Assert.True(both.LinePercent >= Math.Max(partial.LinePercent, failing.LinePercent));
        Assert.Equal(partial.LinesValid, both.LinesValid); // the same library, so the same coverable lines
    }

    [Fact]
    public void A_branch_line_keeps_the_run_that_took_more_branches()
    {
        var totals = CoberturaReports.Merge([
            ("a", Report(("A.cs", 3, 1, "50% (1/2)"))),
            ("b", Report(("A.cs", 3, 1, "100% (2/2)")))]);

        Assert.Equal((2, 2), (totals.BranchesCovered, totals.BranchesValid));
    }

    [Fact]
    public void Code_without_branches_has_full_branch_coverage()
    {
        var totals = CoberturaReports.Merge([("r", Report(("A.cs", 1, 1, null)))]);

        Assert.Equal(100, totals.BranchPercent);
    }

    [Theory]
    [InlineData("not xml at all")]
    [InlineData("<report/>")]
    [InlineData("""<coverage><packages><package><classes><class filename="A.cs"><lines><line number="x" hits="1"/></lines></class></classes></package></packages></coverage>""")]
    public void A_broken_report_is_a_coded_error(string xml)
    {
        var error = Assert.Throws<ReleaseException>(() => CoberturaReports.Merge([("broken.xml", xml)]));

        Assert.Equal("RSDK5020", error.Code);
        Assert.Contains("broken.xml", error.Message, StringComparison.Ordinal);
    }
}
