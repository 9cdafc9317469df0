namespace Release.Sdk.Deploy.Analysis;

/// <summary>Kayenta's pre-processing: drop NaN, then drop values outside [Q1 − 1.5·IQR, Q3 + 1.5·IQR].</summary>
internal static class Outliers
{
    public static double[] DropNaN(IEnumerable<double> values) => values.Where(v => !double.IsNaN(v) && !double.IsInfinity(v)).ToArray();

    public static double[] RemoveIqrOutliers(IReadOnlyList<double> values)
    {
        if (values.Count < 4) return [.. values];
        var sorted = values.OrderBy(v => v).ToArray();
        var q1 = Quantile(sorted, 0.25);
        var q3 = Quantile(sorted, 0.75);
        var fence = 1.5 * (q3 - q1);
        return values.Where(v => v >= q1 - fence && v <= q3 + fence).ToArray();
    }

    /// <summary>Linear interpolation between closest ranks (numpy's default "linear" method, R type 7).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0) return double.NaN;
        var position = (sorted.Count - 1) * q;
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return Quantile(sorted, 0.5);
    }
}
