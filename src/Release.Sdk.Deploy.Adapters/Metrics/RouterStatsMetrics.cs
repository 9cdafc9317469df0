using System.Globalization;
using System.Text.RegularExpressions;
using Release.Sdk.Deploy.Ports;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Deploy.Adapters.Metrics;

/// <summary>
/// Metrics from the router's own cumulative counters, no other system needed. Each query (and each
/// <see cref="SampleAsync"/>) records a snapshot; a window's samples are the values between consecutive snapshots inside
/// it (the baseline is the last snapshot at or before the window's start), its request count their sum. Expressions:
/// error-rate (5xx / requests), pNN-latency (seconds, e.g. p95-latency; HAProxy keeps no histogram, so its average
/// response time stands in), request-count, error-count, request-rate (per second). NaN where a step had no requests.
/// </summary>
internal sealed partial class RouterStatsMetrics(ITrafficRouter router) : IMetricProvider
{
    private const int MaxSnapshots = 10_000;
    private readonly List<RouterStats> _snapshots = [];

    public string Kind => "router";

    public async Task<RouterStats> SampleAsync(CancellationToken cancellationToken)
    {
        var stats = await router.GetStatsAsync(cancellationToken);
        lock (_snapshots)
        {
            _snapshots.Add(stats);
            if (_snapshots.Count > MaxSnapshots) _snapshots.RemoveAt(0);
        }
        return stats;
    }

    public async Task<MetricResult> QueryAsync(MetricQuery query, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var metric = Parse(query.Expression);
        await SampleAsync(cancellationToken);
        List<RouterStats> points;
        lock (_snapshots)
        {
            var baseline = _snapshots.LastOrDefault(s => s.At <= from);
            points = [.. (baseline is null ? [] : new[] { baseline }).Concat(_snapshots.Where(s => s.At > from && s.At <= to)).OrderBy(s => s.At)];
        }
        if (points.Count < 2)
            return new MetricResult([], 0, $"{query.Name} ({query.Expression}, group {query.Group}): no router snapshot before {from:O} yet; the next query has data");

        var samples = new List<double>();
        long requests = 0;
        for (var i = 1; i < points.Count; i++)
        {
            var step = Delta(points[i - 1], points[i], query.Group);
            requests += step.Requests;
            samples.Add(metric(step));
        }
        var description = string.Create(CultureInfo.InvariantCulture,
            $"{query.Name} ({query.Expression}) of group {query.Group} from the {router.Kind} router's counters, {points[0].At:HH:mm:ss.fff}-{points[^1].At:HH:mm:ss.fff}, {samples.Count} step(s), {requests} request(s)");
        return new MetricResult(samples, requests, description);
    }

    /// <summary>What happened in one group between two snapshots (instances missing from either side are left out).</summary>
    internal sealed record Step(long Requests, long Errors, double Seconds, IReadOnlyList<KeyValuePair<double, long>> Buckets, TimeSpan? AverageResponseTime);

    internal static Step Delta(RouterStats before, RouterStats after, string group)
    {
        var earlier = before.Instances.ToDictionary(i => i.Name, StringComparer.Ordinal);
        long requests = 0, errors = 0;
        var buckets = new SortedDictionary<double, long>();
        double averageWeighted = 0;
        var hasAverage = false;
        foreach (var now in after.Instances.Where(i => i.Group == group))
        {
            if (!earlier.TryGetValue(now.Name, out var then)) then = now with { Requests = 0, Errors5xx = 0, LatencyBuckets = [.. now.LatencyBuckets.Select(b => new KeyValuePair<double, long>(b.Key, 0))] };
            var dRequests = Math.Max(0, now.Requests - then.Requests);
            requests += dRequests;
            errors += Math.Max(0, now.Errors5xx - then.Errors5xx);
            var old = then.LatencyBuckets.ToDictionary(b => b.Key, b => b.Value);
            foreach (var (bound, count) in now.LatencyBuckets)
                buckets[bound] = (buckets.TryGetValue(bound, out var c) ? c : 0) + Math.Max(0, count - (old.TryGetValue(bound, out var o) ? o : 0));
            if (now.AverageResponseTime is { } average)
            {
                hasAverage = true;
                averageWeighted += average.TotalSeconds * dRequests;
            }
        }
        return new Step(requests, errors, (after.At - before.At).TotalSeconds, [.. buckets],
            hasAverage && requests > 0 ? TimeSpan.FromSeconds(averageWeighted / requests) : null);
    }

    private static Func<Step, double> Parse(string expression)
    {
        var text = expression.Trim().ToLowerInvariant();
        switch (text)
        {
            case "error-rate": return s => s.Requests == 0 ? double.NaN : (double)s.Errors / s.Requests;
            case "request-count": return s => s.Requests;
            case "error-count": return s => s.Errors;
            case "request-rate": return s => s.Seconds <= 0 ? double.NaN : s.Requests / s.Seconds;
        }
        var match = LatencyPattern().Match(text);
        if (!match.Success)
            throw new ReleaseException(DiagnosticCatalog.InvalidMetricQuery,
                $"'{expression}' is not a router metric. Use error-rate, request-count, error-count, request-rate or pNN-latency (e.g. p95-latency, in seconds).");
        var quantile = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) / 100;
        return s =>
        {
            if (s.Requests == 0) return double.NaN;
            // HAProxy: a single +Inf bucket plus its average response time.
            if (s.Buckets.Count <= 1 && s.AverageResponseTime is { } average) return average.TotalSeconds;
            return HistogramQuantile.Compute(quantile, s.Buckets);
        };
    }

    [GeneratedRegex(@"^p(\d{1,2}(?:\.\d+)?)-latency$")]
    private static partial Regex LatencyPattern();
}
