using Release.Sdk.Deploy.Analysis;

namespace Release.Sdk.Deploy.Tests.Analysis;

public sealed class OutliersTests
{
    [Fact]
    public void QuartilesInterpolateLikeNumpy()
    {
        // numpy.quantile([1..9, 100], 0.25) = 3.25 and 0.75 → 7.75 (linear method)
        double[] sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
        Assert.Equal(3.25, Outliers.Quantile(sorted, 0.25), 10);
        Assert.Equal(7.75, Outliers.Quantile(sorted, 0.75), 10);
    }

    [Fact]
    public void ValuesBeyondOneAndAHalfIqrAreRemoved()
    {
        // IQR = 7.75 − 3.25 = 4.5; fences −3.5 and 14.5: only 100 is outside.
        var kept = Outliers.RemoveIqrOutliers([1, 2, 3, 4, 5, 6, 7, 8, 9, 100]);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9], kept);
    }

    [Fact]
    public void NaNAndInfinityAreDropped()
    {
        Assert.Equal([1.0, 2.0], Outliers.DropNaN([1.0, double.NaN, 2.0, double.PositiveInfinity]));
    }
}
