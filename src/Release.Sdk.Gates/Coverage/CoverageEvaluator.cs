using System.Globalization;
using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Tooling;

namespace Release.Sdk.Gates.Coverage;

/// <summary>
/// The coverage gate's rules, values in and values out: failed tests fail; a test run that did not finish fails;
/// line coverage below the threshold fails; branch coverage below its optional threshold only warns.
/// </summary>
internal static class CoverageEvaluator
{
    public static GateOutcome Evaluate(TestRunTotals tests, CoverageTotals? coverage, int exitCode, double lineThreshold,
        double? branchThreshold, IReadOnlyList<GateFinding> buildErrors)
    {
        var figures = new List<GateFigure>
        {
            new("tests passed", tests.Passed, "tests"),
            new("tests failed", tests.Failed, "tests", 0),
        };
        if (coverage is not null)
        {
            figures.Add(new GateFigure("line coverage", coverage.LinePercent, "%", lineThreshold));
            figures.Add(new GateFigure("branch coverage", coverage.BranchPercent, "%", branchThreshold));
        }

        if (tests.Failed > 0)
        {
            return new GateOutcome(GateStatus.Fail, $"{tests.Failed} of {tests.Total} tests failed{CoverageText(coverage)}", figures, tests.FailedTests,
                "Fix the failing tests (run `dotnet test` locally to reproduce) before releasing.");
        }
        if (tests.Files == 0 && exitCode == 0)
        {
            // dotnet test on a project that is not a test project (the released library itself) builds and says nothing.
            return new GateOutcome(GateStatus.Fail, "no tests were run: the project or solution has no test project", figures, [],
                "Point the gate at the tests: ReleaseGatesProject (or the gate's Project metadata) = the solution or the test project.");
        }
        if (tests.Files == 0 || exitCode != 0 && tests.Total == 0)
        {
            return new GateOutcome(GateStatus.Fail, $"the test run did not complete (dotnet test exit code {exitCode}, no test results)", figures, buildErrors,
                "Run `dotnet test` on the project or solution and fix the build or test host errors shown; check the gate's Project setting points at the tests.");
        }
        if (tests.Total == 0)
        {
            return new GateOutcome(GateStatus.Fail, "no tests were run", figures, [],
                "Point the gate's Project setting at the solution or test project, or check its Filter: a release needs tests that run.");
        }
        if (exitCode != 0)
        {
            return new GateOutcome(GateStatus.Fail, $"dotnet test exited with {exitCode} although no test failed", figures, buildErrors,
                "Run `dotnet test` locally: a test host crash or a failing project in the solution stops the run.");
        }
        if (coverage is null || coverage.LinesValid == 0)
        {
            return new GateOutcome(GateStatus.Fail, $"{tests.Passed} tests passed but no coverage was measured", figures, [],
                "Add the coverlet.collector package to every test project (PackageReference), so `--collect:\"XPlat Code Coverage\"` writes a Cobertura report.");
        }
        if (coverage.LinePercent < lineThreshold)
        {
            return new GateOutcome(GateStatus.Fail,
                $"line coverage {Percent(coverage.LinePercent)} is below the threshold {Percent(lineThreshold)} ({tests.Passed} tests passed)", figures, LeastCovered(coverage),
                $"Add tests for the uncovered code (open the Cobertura report in the gate's output folder, e.g. with ReportGenerator) or, deliberately, lower ReleaseCoverageThreshold.");
        }
        if (branchThreshold is { } b && coverage.BranchPercent < b)
        {
            return new GateOutcome(GateStatus.Warn,
                $"branch coverage {Percent(coverage.BranchPercent)} is below {Percent(b)}{CoverageText(coverage)}", figures, [],
                "Add tests for the untaken branches (if/else, switch arms, ?? and ?. paths) shown in the Cobertura report.");
        }
        return new GateOutcome(GateStatus.Pass, $"{tests.Passed} tests passed{CoverageText(coverage)}", figures, [], null);
    }

    /// <summary>The files with the most uncovered lines: where tests would raise the figure most.</summary>
    private static IReadOnlyList<GateFinding> LeastCovered(CoverageTotals coverage) =>
        [.. coverage.Files.Where(f => f.Uncovered > 0).Take(5).Select(f => new GateFinding("uncovered-lines",
            $"{f.Uncovered} of {f.LinesValid} lines not covered ({Percent(Math.Round(100.0 * f.LinesCovered / f.LinesValid, 2))} covered)", f.File, Severity: "warning"))];

    private static string CoverageText(CoverageTotals? coverage) =>
        coverage is null || coverage.LinesValid == 0 ? "" : $", line coverage {Percent(coverage.LinePercent)}, branch coverage {Percent(coverage.BranchPercent)}";

    private static string Percent(double value) => value.ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
