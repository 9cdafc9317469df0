namespace Release.Sdk.Router;

/// <summary>The admin API's JSON shapes (camelCase on the wire). Release.Sdk.Deploy.Adapters compiles this same file for its client (LocalRouter).</summary>
internal static class AdminContracts
{
    public sealed record DestinationRequest(string Group, string Version, string Address);

    /// <param name="Weight">The percent of new requests the destination gets right now (its group's share split evenly over the group's serving destinations).</param>
    /// <param name="LatencyBuckets">Cumulative histogram; <c>le</c> is the upper bound in seconds as text ("+Inf" last).</param>
    public sealed record DestinationStats(
        string Name, string Group, string Version, string Address, int Weight, bool Healthy, bool Draining,
        long Requests, long Errors5xx, long ConnectionFailures, long InFlight, double LatencySumSeconds,
        List<LatencyBucket> LatencyBuckets);

    public sealed record LatencyBucket(string Le, long Count);

    public sealed record StatsResponse(DateTimeOffset At, Dictionary<string, int> Weights, List<DestinationStats> Destinations);

    public sealed record DrainResponse(string Name, long InFlight, bool Drained);

    /// <summary>Written to STATE_DIR/router.json once both listeners are up; removed on shutdown.</summary>
    public sealed record RouterInfo(int Pid, string ProxyUrl, string AdminUrl, DateTimeOffset StartedAt);
}
