namespace Release.Sdk.Gates.Benchmark;

/// <summary>
/// Compares each benchmark of the current run with the baseline. The seed failed on a mean regression over 20 %; a
/// noisy machine makes that flaky, so a regression fails only when it is over the threshold AND Welch's one-sided
/// t-test says it is significant (p &lt; alpha). Over the threshold but not significant is a warning (re-run the
/// benchmarks with more iterations to settle it). Without spread on a side (one iteration) it falls back to the
/// mean alone, as the seed did, and says so.
/// </summary>
internal static class BenchmarkComparer
{
    public static IReadOnlyList<BenchmarkComparison> Compare(
        IReadOnlyList<BenchmarkSample> baseline, IReadOnlyList<BenchmarkSample> current, double thresholdPercent, double alpha)
    {
        var baselineByName = baseline.ToDictionary(b => b.Name, StringComparer.Ordinal);
        var comparisons = new List<BenchmarkComparison>();
        foreach (var now in current)
        {
            comparisons.Add(baselineByName.Remove(now.Name, out var before)
                ? CompareOne(before, now, thresholdPercent, alpha)
                : new BenchmarkComparison(now.Name, null, now, null, null, null, null, BenchmarkVerdict.New));
        }
        comparisons.AddRange(baselineByName.Values.Select(b =>
            new BenchmarkComparison(b.Name, b, null, null, null, null, null, BenchmarkVerdict.Missing)));
        return comparisons;
    }

    private static BenchmarkComparison CompareOne(BenchmarkSample baseline, BenchmarkSample current, double thresholdPercent, double alpha)
    {
        var change = Percent(current.Mean - baseline.Mean, baseline.Mean);
        var overThreshold = change > thresholdPercent;
        if (!baseline.HasSpread || !current.HasSpread)
        {
            return new BenchmarkComparison(baseline.Name, baseline, current, change, null, null, null,
                overThreshold ? BenchmarkVerdict.RegressedUntested : BenchmarkVerdict.Ok);
        }

        var test = WelchTest.Compare(baseline, current);
        var verdict = !overThreshold ? BenchmarkVerdict.Ok
            : test.PValue < alpha ? BenchmarkVerdict.Regressed
            : BenchmarkVerdict.SlowerNotSignificant;
        return new BenchmarkComparison(baseline.Name, baseline, current, change, test.PValue,
            Percent(test.DifferenceLow, baseline.Mean), Percent(test.DifferenceHigh, baseline.Mean), verdict);
    }

    private static double Percent(double difference, double baselineMean) => difference / baselineMean * 100;
}
