using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Coverage;
using Release.Sdk.Gates.Tests.BuiltIn;

namespace Release.Sdk.Gates.Tests.Coverage;

public sealed class TrxReportsTests
{
    [Fact]
    public void Recorded_run_with_a_failing_test_counts_it_and_names_it()
    {
        var totals = TrxReports.Read([("failing.trx", Samples.Recorded("failing.trx"))]);

        Assert.Equal((5, 4, 1, 0), (totals.Total, totals.Passed, totals.Failed, totals.Skipped));
        var failure = Assert.Single(totals.FailedTests);
        Assert.Contains("Clamps_to_the_maximum", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Assert.Equal() Failure", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_files_add_up()
    {
        var totals = TrxReports.Read([("a", Samples.Recorded("failing.trx")), ("b", Samples.Recorded("partial.trx"))]);

        Assert.Equal((9, 8, 1, 2), (totals.Total, totals.Passed, totals.Failed, totals.Files));
    }

    [Fact]
    public void A_file_without_counters_is_a_coded_error()
    {
        var error = Assert.Throws<ReleaseException>(() => TrxReports.Read([("x.trx", "<TestRun xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\"/>")]));

        Assert.Equal(DiagnosticCatalog.GateReportUnreadable, error.Descriptor);
    }
}
