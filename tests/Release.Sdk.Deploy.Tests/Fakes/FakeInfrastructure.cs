using Release.Sdk.Deploy.Ports;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Deploy.Tests.Fakes;

/// <summary>Router and workload fakes writing one shared, ordered log ("weights blue=90 green=10", "stop green-1"), so tests can assert the order of effects.</summary>
internal sealed class FakeInfrastructure : ITrafficRouter, IWorkload
{
    private readonly List<BackendInstance> _running = [];
    private int _next;

    public List<string> Log { get; } = [];
    public Dictionary<string, int> Weights { get; } = new(StringComparer.Ordinal);

    /// <summary>Versions whose instances never become healthy.</summary>
    public HashSet<string> Unhealthy { get; } = new(StringComparer.Ordinal);

    public string Kind => "fake";

    public IReadOnlyList<BackendInstance> Running => _running;

    public BackendInstance Seed(string group, string version)
    {
        var instance = new BackendInstance($"{group}-{++_next}", group, version, "127.0.0.1", 5000 + _next);
        _running.Add(instance);
        return instance;
    }

    public Task<BackendInstance> StartAsync(string group, string version, string publishDirectory, CancellationToken cancellationToken)
    {
        var instance = Seed(group, version);
        Log.Add($"start {instance.Name} {version}");
        return Task.FromResult(instance);
    }

    public Task StopAsync(string instanceName, CancellationToken cancellationToken)
    {
        if (_running.RemoveAll(i => i.Name == instanceName) > 0) Log.Add($"stop {instanceName}");
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<BackendInstance>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<BackendInstance>>([.. _running]);

    public Task AddAsync(BackendInstance instance, TimeSpan healthTimeout, CancellationToken cancellationToken)
    {
        if (Unhealthy.Contains(instance.Version))
            throw new ReleaseException(DiagnosticCatalog.DeployTargetUnavailable, $"{instance.Name} not healthy");
        Log.Add($"add {instance.Name}");
        return Task.CompletedTask;
    }

    public Task SetWeightsAsync(IReadOnlyDictionary<string, int> percentByGroup, CancellationToken cancellationToken)
    {
        Weights.Clear();
        foreach (var (group, weight) in percentByGroup) Weights[group] = weight;
        Log.Add("weights " + string.Join(" ", percentByGroup.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));
        return Task.CompletedTask;
    }

    public Task DrainAsync(string instanceName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Log.Add($"drain {instanceName}");
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string instanceName, CancellationToken cancellationToken)
    {
        Log.Add($"remove {instanceName}");
        return Task.CompletedTask;
    }

    public Task<RouterStats> GetStatsAsync(CancellationToken cancellationToken) => Task.FromResult(new RouterStats(DateTimeOffset.UnixEpoch, []));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Answers metric queries from a function of (metric name, group); counts queries.</summary>
internal sealed class FakeMetrics(Func<string, string, MetricResult> answer) : IMetricProvider
{
    public string Kind => "fake";

    public int Queries { get; private set; }

    public Task<MetricResult> QueryAsync(MetricQuery query, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        Queries++;
        return Task.FromResult(answer(query.Name, query.Group));
    }

    /// <summary>Healthy on both groups: 0.5 % errors, 20 ms p95, 100 requests per window; small deterministic jitter so ranks differ.</summary>
    public static FakeMetrics Healthy() => Behaving(errorRate: _ => 0.005, latency: _ => 0.020);

    public static FakeMetrics Behaving(Func<string, double> errorRate, Func<string, double> latency, long requests = 100)
    {
        var jitter = 0;
        return new FakeMetrics((name, group) =>
        {
            var wobble = 1 + (((jitter++ * 7919) % 11) - 5) / 100.0;
            return name switch
            {
                "error-rate" or "5xx-count" => new MetricResult([errorRate(group) * wobble], requests, "fake"),
                _ => new MetricResult([latency(group) * wobble], requests, "fake"),
            };
        });
    }
}
