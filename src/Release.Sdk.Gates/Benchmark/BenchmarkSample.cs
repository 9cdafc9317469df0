namespace Release.Sdk.Gates.Benchmark;

/// <summary>
/// One benchmark's timings from one run, in nanoseconds per operation: the mean, the sample variance of the iteration
/// values and how many iterations (N). <paramref name="Source"/> says where the figures came from (iteration values
/// or only the report's Mean/StandardError/N) so the report can say how strong the comparison is.
/// </summary>
internal sealed record BenchmarkSample(string Name, double Mean, double Variance, int N, string Source)
{
    /// <summary>A variance needs two iterations; a Dry or single-iteration run has no spread to test against.</summary>
    public bool HasSpread => N >= 2 && !double.IsNaN(Variance);

    public double StandardError => HasSpread ? Math.Sqrt(Variance / N) : double.NaN;

    public static BenchmarkSample FromValues(string name, IReadOnlyList<double> values, string source)
    {
        var n = values.Count;
        var mean = values.Average();
        var variance = n >= 2 ? values.Sum(v => (v - mean) * (v - mean)) / (n - 1) : double.NaN;
        return new BenchmarkSample(name, mean, variance, n, source);
    }
}
