using System.Text.RegularExpressions;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;

namespace Release.Sdk.Router;

/// <summary>
/// The admin endpoints (loopback only, bearer token). Every change is idempotent so a resumed deploy can repeat it:
/// PUT /admin/destinations/{name}, DELETE /admin/destinations/{name}, POST /admin/destinations/{name}/drain?timeoutMs=N,
/// POST /admin/destinations/{name}/undrain, PUT /admin/weights, GET /admin/stats, GET /admin/info, GET /metrics,
/// POST /admin/shutdown.
/// </summary>
internal static partial class AdminApi
{
    public static void Map(WebApplication admin, WebApplication proxy, RouteTable table, RouterOptions options, Func<AdminContracts.RouterInfo> info)
    {
        var stats = proxy.Services.GetRequiredService<RouterStatsBuilder>();
        var proxyState = proxy.Services.GetRequiredService<IProxyStateLookup>();
        var configProvider = proxy.Services.GetRequiredService<InMemoryConfigProvider>();
        var healthMonitor = proxy.Services.GetRequiredService<IActiveHealthCheckMonitor>();
        table.Changed += () => configProvider.Update(YarpConfig.Routes, YarpConfig.Clusters(table.Current, options));

        admin.MapGet("/admin/info", () => Results.Ok(info()));
        admin.MapGet("/admin/stats", () => Results.Ok(stats.Build()));
        admin.MapGet("/metrics", () => Results.Text(PrometheusText.Render(stats.Build()), PrometheusText.ContentType));

        admin.MapPut("/admin/destinations/{name}", async (string name, AdminContracts.DestinationRequest request, CancellationToken cancellationToken) =>
        {
            if (Invalid(name, request) is { } problem) return Results.BadRequest(problem);
            var destination = new RouteDestination(name, request.Group, request.Version, request.Address.TrimEnd('/') + "/", Draining: false);
            if (!table.Current.Destinations.TryGetValue(name, out var existing) || existing != destination) table.Upsert(destination);
            // Probe at once instead of waiting up to one interval for the first health verdict.
            var cluster = await WaitForDestinationAsync(proxyState, name, present: true, cancellationToken);
            if (cluster is not null) await healthMonitor.CheckHealthAsync([cluster]);
            return Results.Ok(stats.Build().Destinations.Single(d => d.Name == name));
        });

        admin.MapDelete("/admin/destinations/{name}", async (string name, CancellationToken cancellationToken) =>
        {
            if (!table.Remove(name)) return Results.NotFound();
            await WaitForDestinationAsync(proxyState, name, present: false, cancellationToken);
            return Results.NoContent();
        });

        admin.MapPost("/admin/destinations/{name}/drain", async (string name, int? timeoutMs, CancellationToken cancellationToken) =>
        {
            if (!table.Current.Destinations.ContainsKey(name)) return Results.NotFound();
            table.SetDraining(name, true);
            var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs ?? 30_000);
            long inFlight;
            while ((inFlight = InFlight(proxyState, name)) > 0 && DateTime.UtcNow < deadline)
                await Task.Delay(20, cancellationToken);
            return Results.Ok(new AdminContracts.DrainResponse(name, inFlight, inFlight == 0));
        });

        admin.MapPost("/admin/destinations/{name}/undrain", (string name) =>
            table.SetDraining(name, false) ? Results.NoContent() : Results.NotFound());

        admin.MapPut("/admin/weights", (Dictionary<string, int> percentByGroup) =>
        {
            if (percentByGroup.Values.Any(p => p is < 0 or > 100) || percentByGroup.Values.Sum() != 100 || percentByGroup.Keys.Any(g => !NamePattern().IsMatch(g)))
                return Results.BadRequest("Weights are percents per group name (letters, digits, '.', '_', '-'), each 0-100, summing to 100.");
            table.SetWeights(percentByGroup);
            return Results.Ok(stats.Build());
        });

        admin.MapPost("/admin/shutdown", () =>
        {
            proxy.Lifetime.StopApplication();
            return Results.Accepted();
        });
    }

    private static string? Invalid(string name, AdminContracts.DestinationRequest request)
    {
        if (!NamePattern().IsMatch(name)) return "The destination name must be 1-100 letters, digits, '.', '_' or '-'.";
        if (request.Group is null || !NamePattern().IsMatch(request.Group)) return "The group must be 1-100 letters, digits, '.', '_' or '-'.";
        if (!Uri.TryCreate(request.Address, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            return "The address must be an absolute http:// or https:// URL.";
        return null;
    }

    private static long InFlight(IProxyStateLookup proxyState, string name) =>
        proxyState.TryGetCluster(YarpConfig.ClusterId, out var cluster) && cluster.Destinations.TryGetValue(name, out var d) ? d.ConcurrentRequestCount : 0;

    /// <summary>YARP applies configuration asynchronously; answer the admin call only once the proxy sees the change.</summary>
    private static async Task<Yarp.ReverseProxy.Model.ClusterState?> WaitForDestinationAsync(IProxyStateLookup proxyState, string name, bool present, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 500; i++)
        {
            if (proxyState.TryGetCluster(YarpConfig.ClusterId, out var cluster) && cluster.Destinations.ContainsKey(name) == present)
                return cluster;
            await Task.Delay(10, cancellationToken);
        }
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex NamePattern();
}
