using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Coverage;

/// <summary>Test counts over all TRX files of a run, and the failed tests as findings (name + first line of the message).</summary>
internal sealed record TestRunTotals(int Total, int Passed, int Failed, int Skipped, IReadOnlyList<GateFinding> FailedTests, int Files)
{
    public static readonly TestRunTotals None = new(0, 0, 0, 0, [], 0);
}
