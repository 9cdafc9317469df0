namespace Release.Sdk.Deploy.Ports;

/// <summary>
/// Sends traffic to backend instances by version group. Implemented by the router that ships with Release.Sdk (YARP,
/// admin API on loopback) and by HAProxy (runtime API only, never a reload). Every call is idempotent so a resumed
/// deploy can repeat it.
/// </summary>
internal interface ITrafficRouter : IAsyncDisposable
{
    /// <summary>"local" or "haproxy".</summary>
    string Kind { get; }

    /// <summary>Adds the instance with no traffic, health-checked; returns once it is healthy, or throws a coded error on timeout.</summary>
    Task AddAsync(BackendInstance instance, TimeSpan healthTimeout, CancellationToken cancellationToken);

    /// <summary>Splits new requests between groups by percent (values sum to 100); within a group, evenly over its healthy instances.</summary>
    Task SetWeightsAsync(IReadOnlyDictionary<string, int> percentByGroup, CancellationToken cancellationToken);

    /// <summary>Stops sending new requests to the instance and waits until its in-flight requests finished (or the timeout passed).</summary>
    Task DrainAsync(string instanceName, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Removes the (drained) instance from the router.</summary>
    Task RemoveAsync(string instanceName, CancellationToken cancellationToken);

    /// <summary>Cumulative per-instance counters since the router started (rates come from differences of two snapshots).</summary>
    Task<RouterStats> GetStatsAsync(CancellationToken cancellationToken);
}
