using System.Net;
using System.Text.Json;
using Release.Sdk.Deploy.Adapters.Processes;
using Release.Sdk.Deploy.Adapters.Routing;
using Release.Sdk.Deploy.Adapters.Tests.Fixtures;
using Release.Sdk.Deploy.Adapters.Workloads;
using Release.Sdk.Deploy.Ports;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.TestKit;

namespace Release.Sdk.Deploy.Adapters.Tests.Contract;

/// <summary>What only the local router has: a detached process shared by every CLI call, a token, restart recovery.</summary>
[Collection(RouterSuiteCollection.Name)]
[Trait("Category", "E2E")]
public sealed class LocalRouterTests : IAsyncLifetime
{
    private readonly TestDirectory _directory = new();

    private string RouterDirectory => _directory.Sub("router");

    private LocalRouterOptions Options => new(RouterDirectory) { HealthInterval = TimeSpan.FromMilliseconds(500) };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await LocalRouter.DownAsync(RouterDirectory, default);
        _directory.Dispose();
    }

    [Fact]
    public async Task A_second_client_attaches_to_the_running_router_and_down_stops_it()
    {
        await using var first = new LocalRouter(Options);
        var address = await first.GetProxyAddressAsync(default);
        await first.SetWeightsAsync(new Dictionary<string, int> { ["stable"] = 100 }, default);

        await using var second = new LocalRouter(Options);
        Assert.Equal(address, await second.GetProxyAddressAsync(default));
        var raw = await second.GetRawStatsAsync(default);
        Assert.Equal(100, raw.Weights["stable"]);

        var process = ReadProcess();
        Assert.True(process.IsAlive());
        Assert.True(await LocalRouter.DownAsync(RouterDirectory, default));
        Assert.False(process.IsAlive());
        Assert.False(await LocalRouter.DownAsync(RouterDirectory, default));
    }

    [Fact]
    public async Task The_admin_API_listens_on_loopback_and_refuses_requests_without_the_token()
    {
        await using var router = new LocalRouter(Options);
        await router.GetProxyAddressAsync(default);
        var admin = new Uri(JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RouterDirectory, "router.json"))).RootElement.GetProperty("adminUrl").GetString()!);
        Assert.Equal(IPAddress.Loopback.ToString(), admin.Host);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(RouterDirectory, "router.token")));

        using var client = new HttpClient { BaseAddress = admin };
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("admin/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PutAsync("admin/weights", new StringContent("{\"x\":100}"))).StatusCode);
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-the-token-at-all");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("metrics")).StatusCode);
        // The router stays usable for the holder of the token.
        Assert.Contains("# TYPE rsdk_router_requests_total counter", await router.GetMetricsTextAsync(default));
    }

    [Fact]
    public async Task A_router_killed_and_started_again_comes_back_with_its_destinations_and_weights()
    {
        var workload = new LocalProcessWorkload(new LocalProcessWorkloadOptions(_directory.Sub("workload")) { AppName = TestApp.Name });
        var instance = await workload.StartAsync("stable", "1.0.0", TestApp.PublishDirectory, default);
        try
        {
            await using (var router = new LocalRouter(Options))
            {
                await router.SetWeightsAsync(new Dictionary<string, int> { ["stable"] = 100 }, default);
                await router.AddAsync(instance, TimeSpan.FromSeconds(30), default);
            }
            ReadProcess().Kill();

            await using var restarted = new LocalRouter(Options);
            var address = await restarted.GetProxyAddressAsync(default);
            var stats = await WaitForHealthyAsync(restarted, instance.Name);
            Assert.Equal(100, stats.Weight);
            using var client = new HttpClient();
            var response = await client.GetAsync(address);
            Assert.Equal(instance.Name, response.Headers.GetValues("X-Backend").Single());
        }
        finally
        {
            await workload.StopAsync(instance.Name, default);
        }
    }

    [Fact]
    public async Task An_instance_that_never_answers_its_health_check_is_a_coded_error_and_is_taken_out()
    {
        await using var router = new LocalRouter(Options);
        var nobody = new BackendInstance("ghost-1", "canary", "2.0.0", "127.0.0.1", LoopbackPorts.Free());
        var error = await Assert.ThrowsAsync<ReleaseException>(() => router.AddAsync(nobody, TimeSpan.FromSeconds(1.5), default));
        Assert.Equal("RSDK7053", error.Code);
        Assert.Contains("ghost-1", error.Message);
        Assert.Empty((await router.GetStatsAsync(default)).Instances);
    }

    [SkippableFact]
    public void A_missing_router_assembly_is_a_coded_error_naming_where_it_looked()
    {
        Skip.If(Environment.GetEnvironmentVariable("RSDK_ROUTER_PATH") is not null, "RSDK_ROUTER_PATH is set");
        var error = Assert.Throws<ReleaseException>(() => LocalRouterProcess.ResolveRouter(_directory.Sub("nope.dll"), _directory.Path));
        Assert.Equal("RSDK7050", error.Code);
        Assert.Contains(_directory.Sub("nope.dll"), error.Message);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "router", "Release.Sdk.Router.dll"), LocalRouterProcess.ResolveRouter(null, AppContext.BaseDirectory));
    }

    private ProcessIdentity ReadProcess()
    {
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RouterDirectory, "router.process.json"))).RootElement;
        return new ProcessIdentity(json.GetProperty("pid").GetInt32(), json.GetProperty("startTime").GetString()!);
    }

    private static async Task<InstanceStats> WaitForHealthyAsync(ITrafficRouter router, string name)
    {
        for (var i = 0; i < 300; i++)
        {
            var stats = (await router.GetStatsAsync(default)).Instances.SingleOrDefault(s => s.Name == name);
            if (stats is { Healthy: true }) return stats;
            await Task.Delay(20);
        }
        throw new TimeoutException($"{name} did not become healthy");
    }
}
