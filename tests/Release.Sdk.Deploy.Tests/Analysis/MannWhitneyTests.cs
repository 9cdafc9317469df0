using Release.Sdk.Deploy.Analysis;

namespace Release.Sdk.Deploy.Tests.Analysis;

/// <summary>
/// Reference values from scipy 1.10.1 (Debian python3-scipy), computed with
/// <c>scipy.stats.mannwhitneyu(x, y, alternative="two-sided")</c> (method "auto": exact when both samples are &lt; 8 and
/// untied, else normal approximation with tie and continuity correction) and the Hodges–Lehmann shift as
/// <c>numpy.median(numpy.subtract.outer(x, y))</c>.
/// </summary>
public sealed class MannWhitneyTests
{
    [Fact]
    public void SmallUntiedSamplesUseTheExactDistribution()
    {
        // scipy: statistic=0.0, pvalue=0.004329004329004329; HL=-5.4
        double[] x = [1.1, 2.3, 3.5, 4.2, 5.9], y = [6.1, 7.4, 8.2, 9.9, 10.5, 11.0];
        var result = MannWhitney.Test(x, y);
        Assert.True(result.Exact);
        Assert.Equal(0.0, result.U);
        Assert.Equal(0.004329004329004329, result.PValue, 12);
        Assert.Equal(-5.4, HodgesLehmann.Shift(x, y), 10);
    }

    [Fact]
    public void OverlappingSmallSamplesUseTheExactDistribution()
    {
        // scipy: statistic=5.0, pvalue=0.2857142857142857; HL=-3.15
        double[] x = [3.1, 1.2, 5.5, 2.8], y = [4.0, 6.6, 7.7, 0.5, 9.1];
        var result = MannWhitney.Test(x, y);
        Assert.Equal(5.0, result.U);
        Assert.Equal(0.2857142857142857, result.PValue, 12);
        Assert.Equal(-3.15, HodgesLehmann.Shift(x, y), 10);
    }

    [Fact]
    public void TiedSamplesUseTheNormalApproximationWithTieCorrection()
    {
        // scipy: statistic=36.5, pvalue=0.12720630550636847; HL=-2.0
        double[] x = [1, 2, 2, 3, 4, 5, 5, 6, 7, 8], y = [2, 3, 3, 4, 5, 6, 7, 7, 8, 9, 9, 10];
        var result = MannWhitney.Test(x, y);
        Assert.False(result.Exact);
        Assert.Equal(36.5, result.U);
        Assert.Equal(0.12720630550636847, result.PValue, 6);
        Assert.Equal(-2.0, HodgesLehmann.Shift(x, y), 10);
    }

    [Fact]
    public void ClearShiftOfAnErrorRateIsSignificant()
    {
        // scipy: statistic=100.0, pvalue=0.0001078833753555148; HL=0.2
        double[] x = [0.21, 0.19, 0.22, 0.18, 0.20, 0.23, 0.17, 0.21, 0.20, 0.19];
        double[] y = [0.0, 0.0, 0.01, 0.0, 0.0, 0.0, 0.01, 0.0, 0.0, 0.0];
        var result = MannWhitney.Test(x, y);
        Assert.Equal(100.0, result.U);
        Assert.Equal(0.0001078833753555148, result.PValue, 7);
        Assert.Equal(0.2, HodgesLehmann.Shift(x, y), 10);
    }

    [Fact]
    public void AllValuesTiedGiveNoEvidence()
    {
        var result = MannWhitney.Test([0, 0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        Assert.Equal(1.0, result.PValue);
    }
}
