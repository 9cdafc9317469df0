using Release.Sdk.Deploy.Adapters.Tests.Fixtures;
using Release.Sdk.Deploy.Adapters.Workloads;
using Release.Sdk.Deploy.Ports;
using Xunit.Abstractions;

namespace Release.Sdk.Deploy.Adapters.Tests.Contract;

/// <summary>
/// The router contract, run against every ITrafficRouter (LocalRouterContractTests, HaproxyRouterContractTests) with real
/// app processes and a load generator that never retries. Counts are bounded (≤ 1000 measured requests per step).
/// </summary>
[Trait("Category", "E2E")]
public abstract class RouterContractTests(ITestOutputHelper output) : IAsyncLifetime
{
    protected static readonly TimeSpan HealthInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(30);
    private const int RequestsPerStep = 1000;

    private readonly TestDirectory _directory = new();
    private LocalProcessWorkload _workload = null!;
    private readonly List<string> _started = [];

    protected ITestOutputHelper Output => output;

    protected string StateDirectory => _directory.Path;

    /// <summary>Starts (or attaches to) the router under test; returns it and the address clients use.</summary>
    private protected abstract Task<(ITrafficRouter Router, Uri Address)> CreateRouterAsync(string stateDirectory);

    private protected abstract Task DownAsync(string stateDirectory);

    /// <summary>Requests in flight on a SIGKILLed backend: HAProxy replays them (retry-on empty-response); the local router does not (it retries refused connections only).</summary>
    protected abstract bool ReplaysRequestsOfKilledBackend { get; }

    public Task InitializeAsync()
    {
        _workload = new LocalProcessWorkload(new LocalProcessWorkloadOptions(_directory.Sub("workload")) { AppName = TestApp.Name, StopGrace = TimeSpan.FromSeconds(5) });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var name in _started) await _workload.StopAsync(name, CancellationToken.None);
        await DownAsync(_directory.Sub("router"));
        _directory.Dispose();
    }

    [SkippableFact]
    public async Task Canary_steps_under_load_fail_no_request_and_split_traffic_within_two_points()
    {
        var (router, address) = await CreateRouterAsync(_directory.Sub("router"));
        await using var _ = router;
        var stable = await StartAsync("stable", "1.0.0");
        var canary = await StartAsync("canary", "2.0.0");
        await router.SetWeightsAsync(Weights(("stable", 100), ("canary", 0)), default);
        await router.AddAsync(stable, HealthTimeout, default);
        await router.AddAsync(canary, HealthTimeout, default);

        await using var load = new LoadGenerator(address, concurrency: 4, maxRequests: 7 * RequestsPerStep);
        load.Start();
        foreach (var percent in new[] { 10, 25, 50, 75, 100 })
        {
            await router.SetWeightsAsync(Weights(("stable", 100 - percent), ("canary", percent)), default);
            var step = await load.WaitForAsync(LoadGenerator.Now, RequestsPerStep);
            var share = 100.0 * step.Count(r => r.Version == "2.0.0") / step.Count;
            output.WriteLine($"canary {percent} %: measured {share:0.0} % of {step.Count}");
            Assert.InRange(share, percent - 2, percent + 2);
        }
        AssertNoFailures(await load.StopAsync());
    }

    [SkippableFact]
    public async Task Blue_green_flips_under_load_fail_no_request_and_move_all_traffic()
    {
        var (router, address) = await CreateRouterAsync(_directory.Sub("router"));
        await using var _ = router;
        var blue = await StartAsync("blue", "1.0.0");
        var green = await StartAsync("green", "2.0.0");
        await router.SetWeightsAsync(Weights(("blue", 100), ("green", 0)), default);
        await router.AddAsync(blue, HealthTimeout, default);
        await router.AddAsync(green, HealthTimeout, default);

        await using var load = new LoadGenerator(address, concurrency: 4, maxRequests: 6 * 500);
        load.Start();
        foreach (var (active, version) in new[] { ("green", "2.0.0"), ("blue", "1.0.0"), ("green", "2.0.0"), ("blue", "1.0.0") })
        {
            await router.SetWeightsAsync(Weights((active, 100), (active == "blue" ? "green" : "blue", 0)), default);
            var step = await load.WaitForAsync(LoadGenerator.Now, 500);
            var share = 100.0 * step.Count(r => r.Version == version) / step.Count;
            output.WriteLine($"flip to {active}: {share:0.0} % answered by {version}");
            Assert.InRange(share, 98, 100);
        }
        AssertNoFailures(await load.StopAsync());
    }

    [SkippableFact]
    public async Task Rolling_replacement_of_three_instances_with_max_unavailable_one_fails_no_request()
    {
        var (router, address) = await CreateRouterAsync(_directory.Sub("router"));
        await using var _ = router;
        await router.SetWeightsAsync(Weights(("stable", 100)), default);
        var old = new List<BackendInstance>();
        for (var i = 0; i < 3; i++) old.Add(await StartAsync("stable", "1.0.0"));
        foreach (var instance in old) await router.AddAsync(instance, HealthTimeout, default);

        await using var load = new LoadGenerator(address, concurrency: 4, maxRequests: 12_000, requestsPerSecond: 300);
        load.Start();
        await load.WaitForAsync(LoadGenerator.Now, 200);
        foreach (var previous in old)
        {
            // Surge one, then retire one: never more than one instance out of service.
            var next = await StartAsync("stable", "2.0.0");
            await router.AddAsync(next, HealthTimeout, default);
            await router.DrainAsync(previous.Name, TimeSpan.FromSeconds(10), default);
            await router.RemoveAsync(previous.Name, default);
            await _workload.StopAsync(previous.Name, default);
            await load.WaitForAsync(LoadGenerator.Now, 200);
        }
        var after = await load.WaitForAsync(LoadGenerator.Now, 300);
        Assert.All(after, r => Assert.Equal("2.0.0", r.Version));
        AssertNoFailures(await load.StopAsync());
        var stats = await router.GetStatsAsync(default);
        Assert.Equal(3, stats.Instances.Count);
        Assert.All(stats.Instances, i => Assert.True(i.Healthy, $"{i.Name} should be healthy"));
    }

    [SkippableFact]
    public async Task A_SIGKILLed_instance_gets_no_traffic_after_one_health_check_interval()
    {
        var (router, address) = await CreateRouterAsync(_directory.Sub("router"));
        await using var _ = router;
        await router.SetWeightsAsync(Weights(("stable", 100)), default);
        var victim = await StartAsync("stable", "1.0.0");
        var survivor = await StartAsync("stable", "1.0.0");
        await router.AddAsync(victim, HealthTimeout, default);
        await router.AddAsync(survivor, HealthTimeout, default);

        await using var load = new LoadGenerator(address, concurrency: 4, maxRequests: 6000, requestsPerSecond: 400);
        load.Start();
        await load.WaitForAsync(LoadGenerator.Now, 300);
        var killedAt = LoadGenerator.Now;
        _workload.Find(victim.Name)!.Process.Kill();

        // Past one interval every request goes to the survivor and none fails.
        var settled = killedAt + LoadGenerator.Ticks(HealthInterval);
        var later = await load.WaitForAsync(settled, 1000);
        var results = await load.StopAsync();
        Assert.All(later, r => Assert.Equal(survivor.Name, r.Backend));
        var failures = results.Where(r => r.Failed).ToList();
        foreach (var f in failures) output.WriteLine($"failed {(f.Started - killedAt) * 1000.0 / System.Diagnostics.Stopwatch.Frequency:0} ms after the kill: {f.Status} {f.Error}");
        Assert.All(failures, f => Assert.True(f.Started < settled, "a request failed more than one health-check interval after the kill"));
        // Only requests in flight on the victim at the kill can fail, and only where the router cannot replay them.
        Assert.True(failures.Count <= (ReplaysRequestsOfKilledBackend ? 0 : load.Concurrency), $"{failures.Count} failed requests");

        var stats = await router.GetStatsAsync(default);
        Assert.False(stats.Instances.Single(i => i.Name == victim.Name).Healthy);
        Assert.True(stats.Instances.Single(i => i.Name == survivor.Name).Healthy);
    }

    [SkippableFact]
    public async Task Drain_waits_for_in_flight_requests_and_removal_is_idempotent()
    {
        var (router, address) = await CreateRouterAsync(_directory.Sub("router"));
        await using var _ = router;
        await router.SetWeightsAsync(Weights(("stable", 100)), default);
        var slow = await StartAsync("stable", "1.0.0", latencyMs: 1500);
        await router.AddAsync(slow, HealthTimeout, default);

        using var client = new HttpClient();
        var inFlight = Enumerable.Range(0, 3).Select(_ => client.GetAsync(address)).ToList();
        // All three must have reached the backend: a request the client has not sent yet when the drain starts is a new
        // request, which a drained instance rightly does not get (on a loaded machine that happened here).
        await WaitUntilAsync(async () => (await router.GetStatsAsync(default)).Instances.Single().InFlight == 3);
        await router.DrainAsync(slow.Name, TimeSpan.FromSeconds(10), default);
        // Drain returned only once the router had answered those requests (none left in flight), and none was cut off.
        // (The clients see the answers a moment after the router wrote them, so their tasks are awaited, not sampled.)
        Assert.Equal(0, (await router.GetStatsAsync(default)).Instances.Single().InFlight);
        var answers = await Task.WhenAll(inFlight).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.All(answers, r => Assert.True(r.IsSuccessStatusCode, $"status {(int)r.StatusCode}"));

        await router.RemoveAsync(slow.Name, default);
        await router.RemoveAsync(slow.Name, default);
        await router.DrainAsync(slow.Name, TimeSpan.FromSeconds(1), default);
        Assert.Empty((await router.GetStatsAsync(default)).Instances);
    }

    [SkippableFact]
    public async Task Stats_count_requests_and_5xx_per_instance()
    {
        var (router, address) = await CreateRouterAsync(_directory.Sub("router"));
        await using var _ = router;
        await router.SetWeightsAsync(Weights(("stable", 100)), default);
        var faulty = await StartAsync("stable", "1.0.0", errorRate: 0.2);
        await router.AddAsync(faulty, HealthTimeout, default);

        await using (var load = new LoadGenerator(address, concurrency: 2, maxRequests: 200))
        {
            load.Start();
            await load.WaitForAsync(0, 200);
        }
        var instance = (await router.GetStatsAsync(default)).Instances.Single();
        Assert.Equal(200, instance.Requests);
        Assert.Equal(40, instance.Errors5xx);
        Assert.Equal(100, instance.Weight);
        Assert.Equal("stable", instance.Group);
    }

    private protected async Task<BackendInstance> StartAsync(string group, string version, double errorRate = 0, int latencyMs = 0)
    {
        var workload = errorRate == 0 && latencyMs == 0 ? _workload : new LocalProcessWorkload(new LocalProcessWorkloadOptions(_directory.Sub("workload"))
        {
            AppName = TestApp.Name,
            Environment = new Dictionary<string, string>
            {
                ["TESTAPP_ERROR_RATE"] = errorRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["TESTAPP_LATENCY_MS"] = latencyMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        });
        var instance = await workload.StartAsync(group, version, TestApp.PublishDirectory, default);
        _started.Add(instance.Name);
        return instance;
    }

    private protected static Dictionary<string, int> Weights(params (string Group, int Percent)[] weights) =>
        weights.ToDictionary(w => w.Group, w => w.Percent);

    private void AssertNoFailures(IReadOnlyList<LoadResult> results)
    {
        var failures = results.Where(r => r.Failed).ToList();
        output.WriteLine($"{results.Count} requests, {failures.Count} failed");
        foreach (var f in failures.Take(5)) output.WriteLine($"  {f.Status} {f.Error}");
        Assert.Empty(failures);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition()) return;
            await Task.Delay(10);
        }
        Assert.Fail("condition not reached within 2 s");
    }
}
