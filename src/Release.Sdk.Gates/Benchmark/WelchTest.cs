namespace Release.Sdk.Gates.Benchmark;

/// <summary>
/// Welch's unequal-variances t-test of "current is slower than baseline" (one-sided), and the confidence interval of the
/// difference of means. It needs only mean, variance and N per side, so it works from iteration values and from a
/// report's Mean/StandardError/N alike (variance = SE² · N).
/// </summary>
internal static class WelchTest
{
    /// <param name="PValue">One-sided p of H1 "current mean &gt; baseline mean".</param>
    /// <param name="DifferenceLow">Lower end of the two-sided confidence interval of (current − baseline).</param>
    internal sealed record Outcome(double T, double DegreesOfFreedom, double PValue, double DifferenceLow, double DifferenceHigh);

    public static Outcome Compare(BenchmarkSample baseline, BenchmarkSample current, double confidenceLevel = 0.95)
    {
        if (!baseline.HasSpread || !current.HasSpread)
            throw new ArgumentException("Welch's test needs at least two iterations on each side.");
        var baselineTerm = baseline.Variance / baseline.N;
        var currentTerm = current.Variance / current.N;
        var squaredError = baselineTerm + currentTerm;
        var difference = current.Mean - baseline.Mean;
        if (squaredError == 0)
        {
            // Both runs without any spread (identical iteration values): the difference is exact.
            return new Outcome(difference == 0 ? 0 : Math.Sign(difference) * double.PositiveInfinity, double.PositiveInfinity,
                difference > 0 ? 0 : 1, difference, difference);
        }
        var standardError = Math.Sqrt(squaredError);
        var t = difference / standardError;
        var df = squaredError * squaredError /
                 ((baselineTerm * baselineTerm / (baseline.N - 1)) + (currentTerm * currentTerm / (current.N - 1)));
        var pValue = 1 - StudentT.Cdf(t, df);
        var margin = StudentT.Quantile(1 - ((1 - confidenceLevel) / 2), df) * standardError;
        return new Outcome(t, df, pValue, difference - margin, difference + margin);
    }
}
