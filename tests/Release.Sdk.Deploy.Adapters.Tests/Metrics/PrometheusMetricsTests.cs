using System.Text.Json;
using Release.Sdk.Deploy.Adapters.Metrics;
using Release.Sdk.Deploy.Adapters.Routing;
using Release.Sdk.Deploy.Adapters.Tests.Contract;
using Release.Sdk.Deploy.Adapters.Tests.Fixtures;
using Release.Sdk.Deploy.Adapters.Workloads;
using Release.Sdk.Deploy.Ports;
using Release.Sdk.Engine.Diagnostics;
using Xunit.Abstractions;

namespace Release.Sdk.Deploy.Adapters.Tests.Metrics;

/// <summary>The Prometheus adapter against a real Prometheus scraping the local router's /metrics every second.</summary>
[Collection(RouterSuiteCollection.Name)]
[Trait("Category", "E2E")]
public sealed class PrometheusMetricsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string ErrorRate =
        "sum(rate(rsdk_router_responses_5xx_total{group=\"${group}\"}[3s])) / sum(rate(rsdk_router_requests_total{group=\"${group}\"}[3s]))";

    private readonly TestDirectory _directory = new();
    private readonly List<string> _instances = [];
    private LocalProcessWorkload _workload = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var name in _instances) await _workload.StopAsync(name, default);
        await LocalRouter.DownAsync(_directory.Sub("router"), default);
        _directory.Dispose();
    }

    [SkippableFact]
    public async Task The_canary_error_rate_comes_back_from_promql_over_the_routers_metrics()
    {
        var binary = RequiredTool.Prometheus();
        await using var router = new LocalRouter(new LocalRouterOptions(_directory.Sub("router")) { HealthInterval = TimeSpan.FromMilliseconds(500) });
        var address = await router.GetProxyAddressAsync(default);
        var admin = new Uri(JsonDocument.Parse(await File.ReadAllTextAsync(_directory.Sub("router/router.json"))).RootElement.GetProperty("adminUrl").GetString()!);

        _workload = new LocalProcessWorkload(new LocalProcessWorkloadOptions(_directory.Sub("workload"))
        {
            AppName = TestApp.Name,
            EnvironmentFor = (group, _) => new Dictionary<string, string> { ["TESTAPP_ERROR_RATE"] = group == "canary" ? "0.2" : "0" },
        });
        var stable = await _workload.StartAsync("stable", "1.0.0", TestApp.PublishDirectory, default);
        var canary = await _workload.StartAsync("canary", "2.0.0", TestApp.PublishDirectory, default);
        _instances.AddRange([stable.Name, canary.Name]);
        await router.SetWeightsAsync(new Dictionary<string, int> { ["stable"] = 50, ["canary"] = 50 }, default);
        await router.AddAsync(stable, TimeSpan.FromSeconds(30), default);
        await router.AddAsync(canary, TimeSpan.FromSeconds(30), default);

        await using var prometheus = await PrometheusServer.StartAsync(binary, _directory.Sub("prometheus"), admin, _directory.Sub("router/router.token"));
        using var http = new HttpClient();
        var metrics = new PrometheusMetrics(http, new PrometheusMetricsOptions(prometheus.Address));

        await using var load = new LoadGenerator(address, concurrency: 2, maxRequests: 20_000, requestsPerSecond: 200);
        load.Start();
        MetricResult? canaryResult = null;
        // Poll until a full rate window of the load is in Prometheus (scrape 1 s, window 3 s).
        await prometheus.WaitAsync(async () =>
        {
            var now = DateTimeOffset.UtcNow;
            canaryResult = await metrics.QueryAsync(new MetricQuery("error-rate", ErrorRate, "canary"), now.AddSeconds(-3), now, default);
            return canaryResult.Samples.Any(s => double.IsFinite(s) && s > 0.1) && canaryResult.RequestCount > 0;
        }, "showing the canary's 5xx rate");
        var to = DateTimeOffset.UtcNow;
        var stableResult = await metrics.QueryAsync(new MetricQuery("error-rate", ErrorRate, "stable"), to.AddSeconds(-3), to, default);
        await load.StopAsync();

        output.WriteLine(canaryResult!.Description);
        output.WriteLine(string.Join(" ", canaryResult.Samples));
        // The test app fails exactly 1 request in 5; rates over scrape windows land near 0.2.
        Assert.All(canaryResult.Samples.Where(s => double.IsFinite(s) && s > 0), s => Assert.InRange(s, 0.1, 0.3));
        Assert.All(stableResult.Samples.Where(double.IsFinite), s => Assert.Equal(0, s));
        Assert.True(stableResult.RequestCount > 0);

        var invalid = await Assert.ThrowsAsync<ReleaseException>(() => metrics.QueryAsync(new MetricQuery("bad", "sum(rate(", "canary"), to.AddSeconds(-3), to, default));
        Assert.Equal("RSDK7060", invalid.Code);
        var manySeries = await Assert.ThrowsAsync<ReleaseException>(() => metrics.QueryAsync(new MetricQuery("many", "rsdk_router_requests_total", "canary"), to.AddSeconds(-3), to, default));
        Assert.Equal("RSDK7061", manySeries.Code);
    }
}
