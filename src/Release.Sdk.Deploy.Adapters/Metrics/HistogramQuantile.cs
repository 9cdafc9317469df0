namespace Release.Sdk.Deploy.Adapters.Metrics;

/// <summary>
/// A quantile from a cumulative histogram, computed the way Prometheus' histogram_quantile() does: find the bucket the
/// rank falls in and interpolate linearly inside it (lower bound of the first bucket: 0); a rank in the +Inf bucket
/// answers the largest finite bound. NaN when the histogram is empty.
/// </summary>
internal static class HistogramQuantile
{
    public static double Compute(double quantile, IReadOnlyList<KeyValuePair<double, long>> cumulativeBuckets)
    {
        if (cumulativeBuckets.Count == 0) return double.NaN;
        var total = cumulativeBuckets[^1].Value;
        if (total <= 0) return double.NaN;
        var rank = quantile * total;
        double lowerBound = 0;
        long lowerCount = 0;
        foreach (var (bound, count) in cumulativeBuckets)
        {
            if (count >= rank)
            {
                if (double.IsPositiveInfinity(bound)) return lowerBound;
                return count == lowerCount ? bound : lowerBound + (bound - lowerBound) * ((rank - lowerCount) / (count - lowerCount));
            }
            lowerBound = bound;
            lowerCount = count;
        }
        return lowerBound;
    }
}
