using Release.Sdk.Gates.Benchmark;
using Release.Sdk.Gates.Framework;
using static Release.Sdk.Gates.Tests.Benchmark.StatisticsTests;

namespace Release.Sdk.Gates.Tests.Benchmark;

public sealed class BenchmarkComparerTests
{
    [Fact]
    public void Noise_only_passes()
    {
        var comparisons = BenchmarkComparer.Compare([Sample(Baseline)], [Sample(Noise)], 20, 0.05);
        var verdict = BenchmarkEvaluator.Evaluate(comparisons, [], 20, 0.05);

        Assert.Equal(BenchmarkVerdict.Ok, Assert.Single(comparisons).Verdict);
        Assert.Equal(GateStatus.Pass, verdict.Status);
    }

    [Fact]
    public void Forty_percent_slower_fails_with_change_interval_and_p_value_in_the_finding()
    {
        var comparisons = BenchmarkComparer.Compare([Sample(Baseline)], [Sample(FortyPercentSlower)], 20, 0.05);
        var verdict = BenchmarkEvaluator.Evaluate(comparisons, [], 20, 0.05);

        var comparison = Assert.Single(comparisons);
        Assert.Equal(BenchmarkVerdict.Regressed, comparison.Verdict);
        Assert.Equal(40.099875156054935, comparison.ChangePercent!.Value, 9); // numpy: (mean(c) - mean(a)) / mean(a) * 100
        Assert.Equal(38.98584587844442, comparison.ChangeLowPercent!.Value, 7);
        Assert.Equal(GateStatus.Fail, verdict.Status);
        var finding = Assert.Single(verdict.Findings);
        Assert.Equal("regression", finding.Rule);
        Assert.Contains("+40.1 %", finding.Message, StringComparison.Ordinal);
        Assert.Contains("p = 0 (Welch, n = 8/8)", finding.Message, StringComparison.Ordinal);
        Assert.Contains(verdict.Figures, f => f.Name == "worst change" && f.Value == 40.1 && f.Threshold == 20);
        Assert.NotNull(verdict.Remedy);
    }

    [Fact]
    public void Over_threshold_but_within_noise_warns_instead_of_failing()
    {
        // +20.7 % on the means, Welch p = 0.2418 (scipy.stats.ttest_ind(..., equal_var=False, alternative="greater")).
        var comparisons = BenchmarkComparer.Compare([Sample([100, 180, 60, 150, 90])], [Sample([130, 200, 70, 190, 110])], 20, 0.05);
        var verdict = BenchmarkEvaluator.Evaluate(comparisons, [], 20, 0.05);

        var comparison = Assert.Single(comparisons);
        Assert.Equal(0.24180219296583355, comparison.PValue!.Value, 9);
        Assert.Equal(BenchmarkVerdict.SlowerNotSignificant, comparison.Verdict);
        Assert.Equal(GateStatus.Warn, verdict.Status);
        Assert.Contains("more iterations", verdict.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public void Significant_but_under_the_threshold_passes()
    {
        // 5 % slower with almost no noise: significant, yet under 20 % it is not a regression the gate blocks on.
        var comparisons = BenchmarkComparer.Compare([Sample([100, 100.1, 99.9, 100])], [Sample([105, 105.1, 104.9, 105])], 20, 0.05);

        Assert.True(comparisons[0].PValue < 0.001);
        Assert.Equal(BenchmarkVerdict.Ok, comparisons[0].Verdict);
    }

    [Fact]
    public void Without_spread_it_falls_back_to_the_mean_and_says_so()
    {
        var comparisons = BenchmarkComparer.Compare([Sample([100])], [Sample([150])], 20, 0.05);
        var verdict = BenchmarkEvaluator.Evaluate(comparisons, [], 20, 0.05);

        Assert.Equal(BenchmarkVerdict.RegressedUntested, comparisons[0].Verdict);
        Assert.Equal(GateStatus.Fail, verdict.Status);
        Assert.Contains("no spread to test", verdict.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void New_and_missing_benchmarks_are_listed_without_failing()
    {
        var comparisons = BenchmarkComparer.Compare(
            [Sample(Baseline, "A.Kept"), Sample(Baseline, "A.Removed")],
            [Sample(Noise, "A.Kept"), Sample(Noise, "A.Added")], 20, 0.05);
        var verdict = BenchmarkEvaluator.Evaluate(comparisons, [], 20, 0.05);

        Assert.Equal(GateStatus.Pass, verdict.Status);
        Assert.Contains(comparisons, c => c.Name == "A.Added" && c.Verdict == BenchmarkVerdict.New);
        Assert.Contains(comparisons, c => c.Name == "A.Removed" && c.Verdict == BenchmarkVerdict.Missing);
        Assert.Contains(verdict.Figures, f => f.Name == "benchmarks compared" && f.Value == 1);
    }

    [Fact]
    public void A_benchmark_that_failed_to_run_fails_the_gate()
    {
        var verdict = BenchmarkEvaluator.Evaluate(BenchmarkComparer.Compare([Sample(Baseline)], [Sample(Noise)], 20, 0.05), ["A.Broken"], 20, 0.05);

        Assert.Equal(GateStatus.Fail, verdict.Status);
        Assert.Contains(verdict.Findings, f => f.Rule == "benchmark-failed" && f.Message.StartsWith("A.Broken", StringComparison.Ordinal));
    }

    [Fact]
    public void No_benchmark_in_common_warns()
    {
        var verdict = BenchmarkEvaluator.Evaluate(BenchmarkComparer.Compare([Sample(Baseline, "Old")], [Sample(Noise, "New")], 20, 0.05), [], 20, 0.05);

        Assert.Equal(GateStatus.Warn, verdict.Status);
        Assert.Contains("share no benchmark", verdict.Remedy, StringComparison.Ordinal);
    }
}
