using Release.Sdk.Deploy.Plan;
using Release.Sdk.Deploy.Ports;

namespace Release.Sdk.Deploy.Analysis;

/// <summary>Reduces one window's metric result to the rule's value and says whether it breaches the rule.</summary>
internal static class ThresholdCheck
{
    public static double Reduce(Aggregate aggregate, MetricResult result)
    {
        var samples = Outliers.DropNaN(result.Samples);
        if (samples.Length == 0) return double.NaN;
        return aggregate switch
        {
            Aggregate.Mean => samples.Average(),
            Aggregate.Max => samples.Max(),
            Aggregate.Sum => samples.Sum(),
            Aggregate.Last => samples[^1],
            _ => samples.Average() * result.RequestCount,
        };
    }

    public static bool Breaches(ThresholdRule rule, double value) => rule.Above ? value > rule.Threshold : value < rule.Threshold;
}
