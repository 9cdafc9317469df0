using Release.Sdk.Deploy.Analysis;

namespace Release.Sdk.Deploy.Tests.Analysis;

public sealed class CanaryComparisonTests
{
    private static readonly double[] StableLatency = [0.020, 0.021, 0.019, 0.022, 0.020, 0.018, 0.021, 0.020, 0.019, 0.022, 0.020, 0.021];

    [Fact]
    public void ThreeTimesSlowerCanaryFailsWhenHigherIsWorse()
    {
        var canary = StableLatency.Select(v => v * 3).ToArray();
        var result = CanaryComparison.Judge(canary, StableLatency, higherIsWorse: true, confidence: 0.98, minSamples: 10, effectTolerance: 0.1);
        Assert.Equal(VerdictOutcome.Fail, result.Outcome);
        Assert.True(result.Shift > 0.035, result.Detail);
        Assert.Contains("Hodges–Lehmann", result.Detail);
    }

    [Fact]
    public void FasterCanaryPassesWhenHigherIsWorse()
    {
        var canary = StableLatency.Select(v => v / 3).ToArray();
        Assert.Equal(VerdictOutcome.Pass, CanaryComparison.Judge(canary, StableLatency, true, 0.98, 10, 0.1).Outcome);
    }

    [Fact]
    public void LowerIsWorseMetricFailsWhenItDrops()
    {
        double[] stableThroughput = [100, 102, 98, 101, 99, 100, 103, 97, 100, 101];
        var canary = stableThroughput.Select(v => v / 2).ToArray();
        Assert.Equal(VerdictOutcome.Fail, CanaryComparison.Judge(canary, stableThroughput, higherIsWorse: false, 0.98, 10, 0.1).Outcome);
    }

    [Fact]
    public void SignificantButTinyShiftIsTolerated()
    {
        var canary = StableLatency.Select(v => v * 1.05).ToArray();
        Assert.Equal(VerdictOutcome.Pass, CanaryComparison.Judge(canary, StableLatency, true, 0.98, 10, 0.1).Outcome);
    }

    [Fact]
    public void TooFewSamplesAfterDroppingNaNIsInconclusive()
    {
        double[] canary = [0.06, double.NaN, 0.06, double.NaN, 0.06, 0.06, 0.06, 0.06, 0.06, 0.06];
        var result = CanaryComparison.Judge(canary, StableLatency, true, 0.98, 10, 0.1);
        Assert.Equal(VerdictOutcome.Inconclusive, result.Outcome);
        Assert.Equal(8, result.CanaryCount);
    }

    [Fact]
    public void OneOutlierSpikeDoesNotFailTheCanary()
    {
        var canary = StableLatency.Append(5.0).ToArray();
        Assert.Equal(VerdictOutcome.Pass, CanaryComparison.Judge(canary, StableLatency, true, 0.98, 10, 0.1).Outcome);
    }
}
