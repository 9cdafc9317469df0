using System.Globalization;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Release.Sdk.Router;

/// <summary>Joins the route table, YARP's live destination state (health, in-flight) and the counters into one view.</summary>
internal sealed class RouterStatsBuilder(RouteTable table, ProxyMetrics metrics, IProxyStateLookup proxyState, TimeProvider clock)
{
    public AdminContracts.StatsResponse Build()
    {
        var routes = table.Current;
        var live = proxyState.TryGetCluster(YarpConfig.ClusterId, out var cluster)
            ? cluster.Destinations.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal)
            : new Dictionary<string, DestinationState>(StringComparer.Ordinal);

        bool Serving(RouteDestination d) => !d.Draining && live.TryGetValue(d.Name, out var s) && IsHealthy(s);
        var servingPerGroup = routes.Destinations.Values.Where(Serving).GroupBy(d => d.Group).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        var destinations = new List<AdminContracts.DestinationStats>();
        foreach (var d in routes.Destinations.Values.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            live.TryGetValue(d.Name, out var state);
            metrics.TryGet(d.Name, out var counters);
            var weight = Serving(d) ? (int)Math.Round(routes.WeightOf(d.Group) / (double)servingPerGroup[d.Group]) : 0;
            var buckets = counters?.CumulativeBuckets() ?? ProxyMetrics.Buckets.Append(double.PositiveInfinity).Select(b => new KeyValuePair<double, long>(b, 0)).ToList();
            destinations.Add(new AdminContracts.DestinationStats(
                d.Name, d.Group, d.Version, d.Address, weight, state is not null && IsHealthy(state), d.Draining,
                counters?.Requests ?? 0, counters?.Errors5xx ?? 0, counters?.ConnectionFailures ?? 0,
                state?.ConcurrentRequestCount ?? 0, counters?.LatencySumSeconds ?? 0,
                [.. buckets.Select(b => new AdminContracts.LatencyBucket(FormatBound(b.Key), b.Value))]));
        }
        return new AdminContracts.StatsResponse(clock.GetUtcNow(), new Dictionary<string, int>(routes.Weights, StringComparer.Ordinal), destinations);
    }

    /// <summary>Healthy = the last active probe succeeded and no refused connection has marked it down since.</summary>
    public static bool IsHealthy(DestinationState state) =>
        state.Health.Active == DestinationHealth.Healthy && state.Health.Passive != DestinationHealth.Unhealthy;

    public static string FormatBound(double bound) =>
        double.IsPositiveInfinity(bound) ? "+Inf" : bound.ToString("R", CultureInfo.InvariantCulture);
}
