using Release.Sdk.Deploy.Adapters.Processes;
using Release.Sdk.Deploy.Adapters.Routing;
using Release.Sdk.Deploy.Ports;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Deploy.Adapters.Haproxy;

/// <summary>
/// ITrafficRouter over HAProxy's runtime API only: `add server` (weight 0) → `enable health` → `enable server`, wait for a
/// passed check, then weights; `set server … weight N`; `set server … state drain` and wait for `scur` = 0;
/// `state maint` → `del server`; `show stat` for the counters. The config is never reloaded (a reload reset
/// connections when measured here). Server → version group lives in the state file, since HAProxy has no labels.
/// </summary>
internal sealed class HaproxyRouter(HaproxyRouterOptions options) : ITrafficRouter
{
    private HaproxyRuntimeApi? _api;

    public string Kind => "haproxy";

    private string Backend => options.Backend;

    /// <summary>The app's public address (managed mode).</summary>
    public async Task<Uri> GetProxyAddressAsync(CancellationToken cancellationToken)
    {
        await ApiAsync(cancellationToken);
        return new Uri($"http://{options.BindAddress}:{HaproxyProcess.ReadState(options).Port}/");
    }

    /// <summary>HAProxy's own Prometheus exporter (managed mode).</summary>
    public Uri MetricsAddress => new($"http://127.0.0.1:{HaproxyProcess.ReadState(options).MetricsPort}/metrics");

    public static Task<bool> DownAsync(HaproxyRouterOptions options, CancellationToken cancellationToken) => HaproxyProcess.StopAsync(options, cancellationToken);

    public async Task AddAsync(BackendInstance instance, TimeSpan healthTimeout, CancellationToken cancellationToken)
    {
        var api = await ApiAsync(cancellationToken);
        await using (await LockAsync(cancellationToken))
        {
            var state = HaproxyProcess.ReadState(options);
            state.Servers[instance.Name] = new HaproxyServer(instance.Group, instance.Version, instance.Host, instance.Port, Draining: false);
            HaproxyProcess.WriteState(options, state);
            if (await FindAsync(api, instance.Name, cancellationToken) is null) await AddServerAsync(api, instance.Name, state.Servers[instance.Name], cancellationToken);
        }

        var deadline = DateTime.UtcNow + healthTimeout;
        while (true)
        {
            var stat = await FindAsync(api, instance.Name, cancellationToken);
            if (stat is { IsUp: true, IsChecked: true, IsMaintenance: false }) break;
            if (DateTime.UtcNow >= deadline)
            {
                await RemoveAsync(instance.Name, cancellationToken);
                throw new ReleaseException(DiagnosticCatalog.InstanceNotHealthy,
                    $"Instance {instance.Name} ({instance.BaseAddress}) did not pass HAProxy's health check {options.HealthPath} within {healthTimeout.TotalSeconds:0.#} s (last status: {stat?.Status} {stat?.CheckStatus}); it was removed from backend {Backend}. " +
                    "Check the instance's log, that the app serves the health path, or raise the health timeout.");
            }
            await Task.Delay(50, cancellationToken);
        }
        await using (await LockAsync(cancellationToken)) await ApplyWeightsAsync(api, HaproxyProcess.ReadState(options), cancellationToken);
    }

    public async Task SetWeightsAsync(IReadOnlyDictionary<string, int> percentByGroup, CancellationToken cancellationToken)
    {
        TrafficWeights.Validate(percentByGroup);
        var api = await ApiAsync(cancellationToken);
        await using var _ = await LockAsync(cancellationToken);
        var state = HaproxyProcess.ReadState(options) with { Weights = new Dictionary<string, int>(percentByGroup, StringComparer.Ordinal) };
        HaproxyProcess.WriteState(options, state);
        await ApplyWeightsAsync(api, state, cancellationToken);
    }

    public async Task DrainAsync(string instanceName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var api = await ApiAsync(cancellationToken);
        await using (await LockAsync(cancellationToken))
        {
            if (await FindAsync(api, instanceName, cancellationToken) is null) return;
            await api.ExpectAsync($"set server {Backend}/{instanceName} state drain", cancellationToken);
            var state = HaproxyProcess.ReadState(options);
            if (state.Servers.TryGetValue(instanceName, out var server)) state.Servers[instanceName] = server with { Draining = true };
            HaproxyProcess.WriteState(options, state);
            await ApplyWeightsAsync(api, state, cancellationToken);
        }
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && await FindAsync(api, instanceName, cancellationToken) is { CurrentSessions: > 0 })
            await Task.Delay(20, cancellationToken);
    }

    /// <summary>Takes a drained server back (a rollback before it was removed).</summary>
    public async Task UndrainAsync(string instanceName, CancellationToken cancellationToken)
    {
        var api = await ApiAsync(cancellationToken);
        await using var _ = await LockAsync(cancellationToken);
        if (await FindAsync(api, instanceName, cancellationToken) is null) return;
        await api.ExpectAsync($"set server {Backend}/{instanceName} state ready", cancellationToken);
        var state = HaproxyProcess.ReadState(options);
        if (state.Servers.TryGetValue(instanceName, out var server)) state.Servers[instanceName] = server with { Draining = false };
        HaproxyProcess.WriteState(options, state);
        await ApplyWeightsAsync(api, state, cancellationToken);
    }

    public async Task RemoveAsync(string instanceName, CancellationToken cancellationToken)
    {
        var api = await ApiAsync(cancellationToken);
        await using var _ = await LockAsync(cancellationToken);
        if (await FindAsync(api, instanceName, cancellationToken) is not null)
        {
            await api.ExpectAsync($"set server {Backend}/{instanceName} state maint", cancellationToken);
            // `del server` refuses while connections (also idle keep-alive ones) remain; they close within moments in maint.
            string answer = "";
            for (var attempt = 0; attempt < 100; attempt++)
            {
                answer = (await api.SendAsync($"del server {Backend}/{instanceName}", cancellationToken)).Trim();
                if (answer.StartsWith("Server deleted", StringComparison.Ordinal)) break;
                await Task.Delay(100, cancellationToken);
            }
            if (!answer.StartsWith("Server deleted", StringComparison.Ordinal))
                throw new ReleaseException(DiagnosticCatalog.HaproxyCommandFailed,
                    $"HAProxy refused 'del server {Backend}/{instanceName}' for 10 s: {answer}. Drain the server first so no request is in flight; it stays in maintenance (no traffic) until removed.");
        }
        var state = HaproxyProcess.ReadState(options);
        if (state.Servers.Remove(instanceName)) HaproxyProcess.WriteState(options, state);
        await ApplyWeightsAsync(api, state, cancellationToken);
    }

    public async Task<RouterStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        var api = await ApiAsync(cancellationToken);
        var stats = await ShowStatAsync(api, cancellationToken);
        var state = HaproxyProcess.ReadState(options);
        var serving = stats.Where(s => s.IsUp && !s.IsMaintenance && s.Status != "DRAIN").Sum(s => s.Weight);
        return new RouterStats(DateTimeOffset.UtcNow, [.. stats.Select(s => new InstanceStats(
            s.Server,
            state.Servers.TryGetValue(s.Server, out var server) ? server.Group : "",
            serving == 0 || !s.IsUp || s.Status == "DRAIN" ? 0 : (int)Math.Round(100.0 * s.Weight / serving),
            s.IsUp && s.IsChecked && !s.IsMaintenance,
            s.Responses,
            s.Responses5xx,
            s.CurrentSessions,
            [new KeyValuePair<double, long>(double.PositiveInfinity, s.Responses)],
            TimeSpan.FromMilliseconds(s.ResponseTimeMs)))]);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    internal async Task<IReadOnlyList<HaproxyServerStat>> ShowStatAsync(HaproxyRuntimeApi api, CancellationToken cancellationToken) =>
        HaproxyServerStat.Parse(await api.SendAsync("show stat", cancellationToken), Backend);

    private async Task<HaproxyServerStat?> FindAsync(HaproxyRuntimeApi api, string server, CancellationToken cancellationToken) =>
        (await ShowStatAsync(api, cancellationToken)).FirstOrDefault(s => s.Server == server);

    private async Task AddServerAsync(HaproxyRuntimeApi api, string name, HaproxyServer server, CancellationToken cancellationToken)
    {
        // Added servers start in maintenance with health checks off: both must be switched on.
        await api.ExpectAsync(HaproxyConfig.AddServer(Backend, name, server.Host, server.Port, options.HealthInterval), cancellationToken, "New server registered");
        await api.ExpectAsync($"enable health {Backend}/{name}", cancellationToken);
        await api.ExpectAsync($"enable server {Backend}/{name}", cancellationToken);
        if (server.Draining) await api.ExpectAsync($"set server {Backend}/{name} state drain", cancellationToken);
    }

    /// <summary>Every non-draining server gets its group's percent split evenly over the group (see HaproxyWeights).</summary>
    private async Task ApplyWeightsAsync(HaproxyRuntimeApi api, HaproxyState state, CancellationToken cancellationToken)
    {
        var live = (await ShowStatAsync(api, cancellationToken)).Where(s => !s.IsMaintenance).ToDictionary(s => s.Server, StringComparer.Ordinal);
        var groupByServer = state.Servers.Where(s => !s.Value.Draining && live.ContainsKey(s.Key) && live[s.Key].IsChecked)
            .ToDictionary(s => s.Key, s => s.Value.Group, StringComparer.Ordinal);
        // Always sent, never compared first: `show stat` reports a normalised effective weight, not the one last set.
        // Servers gaining traffic first, those losing it last: between two commands some server always has a weight
        // (all weights 0 for a moment = HAProxy answers 503).
        foreach (var (server, weight) in HaproxyWeights.Plan(state.Weights, groupByServer).OrderByDescending(p => p.Value))
            await api.ExpectAsync($"set server {Backend}/{server} weight {weight}", cancellationToken);
    }

    private async Task<HaproxyRuntimeApi> ApiAsync(CancellationToken cancellationToken)
    {
        // A managed HAProxy that died is started again below and gets its servers back from the state file.
        if (_api is not null && (options.RuntimeSocket is not null || HaproxyProcess.IsRunning(options))) return _api;
        await using var _ = await LockAsync(cancellationToken);
        var (api, started) = await HaproxyProcess.EnsureRunningAsync(options, cancellationToken);
        if (started)
        {
            // A restarted HAProxy has an empty backend: put back what the state file says it had.
            var state = HaproxyProcess.ReadState(options);
            foreach (var (name, server) in state.Servers) await AddServerAsync(api, name, server, cancellationToken);
            // Weights go to checked servers only: wait (bounded) for the first checks, then give the traffic back.
            for (var i = 0; i < 200 && state.Servers.Count > 0; i++)
            {
                var stats = await ShowStatAsync(api, cancellationToken);
                if (stats.All(st => st.IsChecked || st.CheckStatus.StartsWith("L4", StringComparison.Ordinal) || st.CheckStatus.StartsWith("L7STS", StringComparison.Ordinal))) break;
                await Task.Delay(50, cancellationToken);
            }
            await ApplyWeightsAsync(api, state, cancellationToken);
        }
        return _api = api;
    }

    private Task<FileLock> LockAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetFullPath(options.StateDirectory));
        return FileLock.AcquireAsync(Path.Combine(Path.GetFullPath(options.StateDirectory), "haproxy.lock"), cancellationToken);
    }
}
