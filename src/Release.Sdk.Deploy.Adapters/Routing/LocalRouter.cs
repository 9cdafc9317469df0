using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Release.Sdk.Deploy.Ports;
using Release.Sdk.Engine.Diagnostics;

using Release.Sdk.Router;

namespace Release.Sdk.Deploy.Adapters.Routing;

/// <summary>
/// ITrafficRouter over the router that ships with Release.Sdk: started detached on first use (it keeps running after the
/// CLI returns, until <see cref="DownAsync"/>), driven through its admin API on loopback with the token from the state
/// directory. Every call is idempotent; a second process with the same state directory attaches to the same router.
/// </summary>
internal sealed class LocalRouter(LocalRouterOptions options) : ITrafficRouter
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HttpClient? _admin;

    public string Kind => "local";

    /// <summary>The app's public address (the proxy listener); starts the router if needed.</summary>
    public async Task<Uri> GetProxyAddressAsync(CancellationToken cancellationToken)
    {
        var (_, info) = await ConnectAsync(cancellationToken);
        return new Uri(info.ProxyUrl.TrimEnd('/') + "/");
    }

    /// <summary>`dotnet-release deploy down`: stops the router of a state directory; false when none was running.</summary>
    public static Task<bool> DownAsync(string stateDirectory, CancellationToken cancellationToken) =>
        LocalRouterProcess.StopAsync(stateDirectory, cancellationToken);

    public async Task AddAsync(BackendInstance instance, TimeSpan healthTimeout, CancellationToken cancellationToken)
    {
        var request = new AdminContracts.DestinationRequest(instance.Group, instance.Version, instance.BaseAddress.ToString());
        await SendAsync(HttpMethod.Put, $"admin/destinations/{Uri.EscapeDataString(instance.Name)}",
            JsonContent.Create(request, AdaptersJson.Default.DestinationRequest), cancellationToken);

        var deadline = DateTime.UtcNow + healthTimeout;
        while (true)
        {
            var stats = await GetRawStatsAsync(cancellationToken);
            if (stats.Destinations.Any(d => d.Name == instance.Name && d.Healthy)) return;
            if (DateTime.UtcNow >= deadline) break;
            await Task.Delay(50, cancellationToken);
        }
        // Leave nothing half-added: a resumed deploy adds it again.
        await RemoveAsync(instance.Name, cancellationToken);
        throw new ReleaseException(DiagnosticCatalog.InstanceNotHealthy,
            $"Instance {instance.Name} ({instance.BaseAddress}) did not answer its health check {options.HealthPath} with 2xx within {healthTimeout.TotalSeconds:0.#} s; it was taken out of the router. " +
            "Check the instance's log, that the app serves the health path, or raise the health timeout.");
    }

    public async Task SetWeightsAsync(IReadOnlyDictionary<string, int> percentByGroup, CancellationToken cancellationToken)
    {
        TrafficWeights.Validate(percentByGroup);
        var body = new Dictionary<string, int>(percentByGroup, StringComparer.Ordinal);
        await SendAsync(HttpMethod.Put, "admin/weights", JsonContent.Create(body, AdaptersJson.Default.DictionaryStringInt32), cancellationToken);
    }

    public async Task DrainAsync(string instanceName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"admin/destinations/{Uri.EscapeDataString(instanceName)}/drain?timeoutMs={(long)timeout.TotalMilliseconds}");
        await SendAsync(HttpMethod.Post, path, null, cancellationToken, allowNotFound: true);
    }

    /// <summary>Takes a drained instance back (a rollback before it was removed).</summary>
    public async Task UndrainAsync(string instanceName, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Post, $"admin/destinations/{Uri.EscapeDataString(instanceName)}/undrain", null, cancellationToken, allowNotFound: true);

    public async Task RemoveAsync(string instanceName, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Delete, $"admin/destinations/{Uri.EscapeDataString(instanceName)}", null, cancellationToken, allowNotFound: true);

    public async Task<RouterStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        var stats = await GetRawStatsAsync(cancellationToken);
        return new RouterStats(stats.At, [.. stats.Destinations.Select(d => new InstanceStats(
            d.Name, d.Group, d.Weight, d.Healthy, d.Requests, d.Errors5xx, d.InFlight,
            [.. d.LatencyBuckets.Select(b => new KeyValuePair<double, long>(
                b.Le == "+Inf" ? double.PositiveInfinity : double.Parse(b.Le, CultureInfo.InvariantCulture), b.Count))]))]);
    }

    /// <summary>The Prometheus text the router serves at /metrics (what a Prometheus server scrapes).</summary>
    public async Task<string> GetMetricsTextAsync(CancellationToken cancellationToken)
    {
        var (admin, _) = await ConnectAsync(cancellationToken);
        return await admin.GetStringAsync("metrics", cancellationToken);
    }

    internal async Task<AdminContracts.StatsResponse> GetRawStatsAsync(CancellationToken cancellationToken)
    {
        var (admin, _) = await ConnectAsync(cancellationToken);
        try
        {
            return await admin.GetFromJsonAsync("admin/stats", AdaptersJson.Default.StatsResponse, cancellationToken)
                ?? throw new ReleaseException(DiagnosticCatalog.RouterAdminFailed, "The router answered /admin/stats with nothing.");
        }
        catch (HttpRequestException e)
        {
            throw AdminFailed("GET admin/stats", e.StatusCode, e.Message);
        }
    }

    public ValueTask DisposeAsync()
    {
        _admin?.Dispose();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private AdminContracts.RouterInfo? _info;

    private async Task<(HttpClient Admin, AdminContracts.RouterInfo Info)> ConnectAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // A router that died (killed, machine restarted) is started again; it restores its routes from routes.json.
            if (_admin is null || _info is null || !LocalRouterProcess.IsRunning(options.StateDirectory, _info.Pid))
            {
                _admin?.Dispose();
                (_admin, _info) = await LocalRouterProcess.EnsureRunningAsync(options, cancellationToken);
            }
            return (_admin, _info);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken, bool allowNotFound = false)
    {
        var (admin, _) = await ConnectAsync(cancellationToken);
        HttpResponseMessage response;
        try
        {
            response = await admin.SendAsync(new HttpRequestMessage(method, path) { Content = content }, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw AdminFailed($"{method} {path}", null, e.Message);
        }
        using (response)
        {
            if (response.IsSuccessStatusCode || (allowNotFound && response.StatusCode == HttpStatusCode.NotFound)) return;
            throw AdminFailed($"{method} {path}", response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }

    private ReleaseException AdminFailed(string request, HttpStatusCode? status, string detail) => new(DiagnosticCatalog.RouterAdminFailed,
        $"The local router's admin API failed {request}{(status is null ? "" : $" with HTTP {(int)status.Value}")}: {detail.Trim()}. " +
        (status == HttpStatusCode.Unauthorized
            ? $"The token in {Path.Combine(options.StateDirectory, LocalRouterProcess.TokenFileName)} does not match the running router's; run `dotnet-release deploy down` and deploy again."
            : $"Check the router's log in {Path.Combine(options.StateDirectory, LocalRouterProcess.LogFileName)}."));
}
