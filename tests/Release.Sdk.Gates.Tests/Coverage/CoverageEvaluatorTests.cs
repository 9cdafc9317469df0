using Release.Sdk.Gates.Coverage;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Tests.Coverage;

public sealed class CoverageEvaluatorTests
{
    private static readonly TestRunTotals AllPassed = new(10, 10, 0, 0, [], 1);
    private static readonly CoverageTotals Covered90 = new(90, 100, 30, 40, 1);

    [Fact]
    public void Passing_tests_above_the_threshold_pass_with_line_and_branch_figures()
    {
        var outcome = CoverageEvaluator.Evaluate(AllPassed, Covered90, 0, 85, null, []);

        Assert.Equal(GateStatus.Pass, outcome.Status);
        Assert.Equal("10 tests passed, line coverage 90 %, branch coverage 75 %", outcome.Summary);
        Assert.Contains(outcome.Figures, f => f is { Name: "line coverage", Value: 90, Threshold: 85 });
        Assert.Contains(outcome.Figures, f => f is { Name: "branch coverage", Value: 75 });
        Assert.Null(outcome.Remedy);
    }

    [Fact]
    public void Coverage_below_the_threshold_fails_and_says_how_to_fix_it()
    {
        var coverage = new CoverageTotals(60, 100, 0, 0, 1) { Files = [new FileCoverage("src/Orders.cs", 10, 50), new FileCoverage("src/Done.cs", 50, 50)] };
        var outcome = CoverageEvaluator.Evaluate(AllPassed, coverage, 0, 85, null, []);

        Assert.Equal(GateStatus.Fail, outcome.Status);
        var finding = Assert.Single(outcome.Findings); // fully covered files are not listed
        Assert.Equal(("src/Orders.cs", "40 of 50 lines not covered (20 % covered)"), (finding.File, finding.Message));
        Assert.Contains("line coverage 60 % is below the threshold 85 %", outcome.Summary, StringComparison.Ordinal);
        Assert.Contains("ReleaseCoverageThreshold", outcome.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_the_threshold_passes()
    {
        Assert.Equal(GateStatus.Pass, CoverageEvaluator.Evaluate(AllPassed, new CoverageTotals(85, 100, 0, 0, 1), 0, 85, null, []).Status);
    }

    [Fact]
    public void A_failed_test_fails_even_with_full_coverage()
    {
        var failure = new GateFinding("failed-test", "T.M: boom");
        var outcome = CoverageEvaluator.Evaluate(new TestRunTotals(3, 2, 1, 0, [failure], 1), new CoverageTotals(10, 10, 0, 0, 1), 1, 85, null, []);

        Assert.Equal(GateStatus.Fail, outcome.Status);
        Assert.StartsWith("1 of 3 tests failed", outcome.Summary, StringComparison.Ordinal);
        Assert.Equal([failure], outcome.Findings);
    }

    [Fact]
    public void Branch_coverage_below_its_threshold_only_warns()
    {
        var outcome = CoverageEvaluator.Evaluate(AllPassed, Covered90, 0, 85, 80, []);

        Assert.Equal(GateStatus.Warn, outcome.Status);
        Assert.Contains("branch coverage 75 % is below 80 %", outcome.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_without_results_fails_with_the_build_errors()
    {
        var error = new GateFinding("CS1002", "; expected", "/src/A.cs", 3, "error");
        var outcome = CoverageEvaluator.Evaluate(TestRunTotals.None, null, 1, 85, null, [error]);

        Assert.Equal(GateStatus.Fail, outcome.Status);
        Assert.Contains("did not complete", outcome.Summary, StringComparison.Ordinal);
        Assert.Equal([error], outcome.Findings);
    }

    [Fact]
    public void No_tests_fails_rather_than_passing_silently()
    {
        var outcome = CoverageEvaluator.Evaluate(new TestRunTotals(0, 0, 0, 0, [], 1), null, 0, 85, null, []);

        Assert.Equal(GateStatus.Fail, outcome.Status);
        Assert.Equal("no tests were run", outcome.Summary);
    }

    [Fact]
    public void A_clean_run_without_any_results_file_says_there_is_no_test_project()
    {
        var outcome = CoverageEvaluator.Evaluate(TestRunTotals.None, null, 0, 85, null, []);

        Assert.Equal(GateStatus.Fail, outcome.Status);
        Assert.Equal("no tests were run: the project or solution has no test project", outcome.Summary);
        Assert.Contains("ReleaseGatesProject", outcome.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public void Passing_tests_without_a_coverage_report_fail_and_name_coverlet()
    {
        var outcome = CoverageEvaluator.Evaluate(AllPassed, null, 0, 85, null, []);

        Assert.Equal(GateStatus.Fail, outcome.Status);
        Assert.Contains("coverlet.collector", outcome.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nonzero_exit_without_failed_tests_fails()
    {
        Assert.Equal(GateStatus.Fail, CoverageEvaluator.Evaluate(AllPassed, Covered90, 1, 85, null, []).Status);
    }
}
