using Release.Sdk.Gates.Benchmark;

namespace Release.Sdk.Gates.Tests.Benchmark;

/// <summary>
/// The statistics checked against scipy 1.10.1 (Debian python3-scipy): the expected values in these tests were computed
/// with scipy.stats.t.cdf / t.ppf and scipy.stats.ttest_ind(current, baseline, equal_var=False, alternative="greater").
/// </summary>
public sealed class StatisticsTests
{
    internal static readonly double[] Baseline = [100.2, 99.1, 101.4, 100.8, 98.9, 100.0, 101.1, 99.5];
    internal static readonly double[] Noise = [100.9, 99.8, 102.0, 100.1, 99.4, 101.3, 100.6, 100.2];
    internal static readonly double[] FortyPercentSlower = [140.5, 139.0, 141.9, 140.8, 138.7, 140.2, 141.5, 139.6];

    [Theory]
    [InlineData(1.5, 4, 0.896)]                        // scipy.stats.t.cdf(1.5, 4)
    [InlineData(-2.3, 7.5, 0.02628644805218451)]       // scipy.stats.t.cdf(-2.3, 7.5)
    [InlineData(0.3, 30, 0.6168769473578236)]          // scipy.stats.t.cdf(0.3, 30)
    public void Student_t_cdf_matches_scipy(double t, double df, double expected) =>
        Assert.Equal(expected, StudentT.Cdf(t, df), 10);

    [Theory]
    [InlineData(0.975, 4, 2.7764451051977987)]         // scipy.stats.t.ppf(0.975, 4)
    [InlineData(0.975, 12.7, 2.1655677313665023)]      // scipy.stats.t.ppf(0.975, 12.7)
    public void Student_t_quantile_matches_scipy(double p, double df, double expected) =>
        Assert.Equal(expected, StudentT.Quantile(p, df), 8);

    [Fact]
    public void Welch_on_noise_matches_scipy_and_is_not_significant()
    {
        var outcome = WelchTest.Compare(Sample(Baseline), Sample(Noise));

        Assert.Equal(0.9309900468377463, outcome.T, 9);
        Assert.Equal(0.18388145340443324, outcome.PValue, 9);
    }

    [Fact]
    public void Welch_on_a_forty_percent_slowdown_matches_scipy_with_its_confidence_interval()
    {
        var outcome = WelchTest.Compare(Sample(Baseline), Sample(FortyPercentSlower));

        Assert.Equal(77.49970918323716, outcome.T, 8);
        Assert.True(outcome.PValue < 1e-15, $"p = {outcome.PValue}; scipy gives 1.59e-19");
        // df and the 95 % interval of the difference: Welch–Satterthwaite df and scipy.stats.t.ppf(0.975, df) · SE.
        Assert.Equal(13.449770245702052, outcome.DegreesOfFreedom, 8);
        Assert.Equal(39.034578185792476, outcome.DifferenceLow, 8);
        Assert.Equal(41.265421814207535, outcome.DifferenceHigh, 8);
    }

    [Fact]
    public void Welch_from_mean_standard_error_and_n_matches_scipy_from_stats()
    {
        // scipy.stats.ttest_ind_from_stats(150, 5*sqrt(10), 10, 100, 4*sqrt(8), 8, equal_var=False, alternative="greater")
        var baseline = new BenchmarkSample("b", 100, 16 * 8, 8, "mean/SE/N");
        var current = new BenchmarkSample("b", 150, 25 * 10, 10, "mean/SE/N");

        var outcome = WelchTest.Compare(baseline, current);

        Assert.Equal(7.808688094430303, outcome.T, 9);
        Assert.Equal(4.023302725752249e-07, outcome.PValue, 12);
    }

    internal static BenchmarkSample Sample(double[] values, string name = "Bench.Method") => BenchmarkSample.FromValues(name, values, "iterations");
}
