using System.Globalization;

namespace Release.Sdk.Deploy.Analysis;

/// <summary>The comparison's judgement for one metric, before it becomes a <see cref="Verdict"/>.</summary>
internal sealed record ComparisonResult(VerdictOutcome Outcome, double CanaryMedian, double StableMedian, double Shift, double PValue, int CanaryCount, int StableCount, string Detail);

/// <summary>
/// Canary-vs-stable comparison in the style of Spinnaker Kayenta's Mann–Whitney classifier: drop NaN, remove IQR
/// outliers, require a minimum sample count, test for a shift at the configured confidence, estimate it with
/// Hodges–Lehmann, and fail only a significant shift in the bad direction larger than the tolerated effect.
/// </summary>
internal static class CanaryComparison
{
    public static ComparisonResult Judge(IReadOnlyList<double> canary, IReadOnlyList<double> stable, bool higherIsWorse, double confidence, int minSamples, double effectTolerance)
    {
        var c = Outliers.RemoveIqrOutliers(Outliers.DropNaN(canary));
        var s = Outliers.RemoveIqrOutliers(Outliers.DropNaN(stable));
        if (c.Length < minSamples || s.Length < minSamples)
            return new ComparisonResult(VerdictOutcome.Inconclusive, Median(c), Median(s), double.NaN, double.NaN, c.Length, s.Length,
                $"{c.Length} canary and {s.Length} stable samples after dropping NaN and outliers; {minSamples} needed");

        var test = MannWhitney.Test(c, s);
        var shift = HodgesLehmann.Shift(c, s);
        var canaryMedian = Median(c);
        var stableMedian = Median(s);
        var worse = higherIsWorse ? shift > 0 : shift < 0;
        var significant = test.PValue < 1 - confidence;
        // Relative to the stable median; an error rate whose stable median is 0 is judged on the absolute shift.
        var relative = stableMedian != 0 ? Math.Abs(shift / stableMedian) : Math.Abs(shift);
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"canary median {canaryMedian:G4} vs stable {stableMedian:G4}, Hodges–Lehmann shift {shift:+0.####;-0.####;0}, p={test.PValue:G3} (Mann–Whitney U={test.U:0.#}, n={c.Length}/{s.Length}, {confidence:P0} confidence)");
        var outcome = significant && worse && relative > effectTolerance ? VerdictOutcome.Fail : VerdictOutcome.Pass;
        return new ComparisonResult(outcome, canaryMedian, stableMedian, shift, test.PValue, c.Length, s.Length, detail);
    }

    private static double Median(double[] values) => values.Length == 0 ? double.NaN : Outliers.Median(values);
}
