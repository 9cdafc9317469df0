namespace Release.Sdk.Deploy.Ports;

/// <summary>A router's cumulative counters at one moment.</summary>
internal sealed record RouterStats(DateTimeOffset At, IReadOnlyList<InstanceStats> Instances);

/// <summary>
/// One instance's cumulative counters. <paramref name="LatencyBuckets"/> is a cumulative histogram (upper bound in
/// seconds → requests at or below it, Prometheus-style, last bucket +Inf); HAProxy, which has no histogram, reports its
/// average response time as a single bucket and sets <paramref name="AverageResponseTime"/>.
/// </summary>
internal sealed record InstanceStats(
    string Name,
    string Group,
    int Weight,
    bool Healthy,
    long Requests,
    long Errors5xx,
    long InFlight,
    IReadOnlyList<KeyValuePair<double, long>> LatencyBuckets,
    TimeSpan? AverageResponseTime = null);
