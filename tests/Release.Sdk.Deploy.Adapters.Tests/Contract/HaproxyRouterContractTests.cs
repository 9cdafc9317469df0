using Release.Sdk.Deploy.Adapters.Haproxy;
using Release.Sdk.Deploy.Adapters.Processes;
using Release.Sdk.Deploy.Adapters.Tests.Fixtures;
using Release.Sdk.Deploy.Ports;
using Xunit.Abstractions;

namespace Release.Sdk.Deploy.Adapters.Tests.Contract;

/// <summary>The same contract against a real HAProxy (Debian package), started by the test with its own config on free ports.</summary>
[Collection(RouterSuiteCollection.Name)]
public sealed class HaproxyRouterContractTests(ITestOutputHelper output) : RouterContractTests(output)
{
    protected override bool ReplaysRequestsOfKilledBackend => true;

    private protected override async Task<(ITrafficRouter Router, Uri Address)> CreateRouterAsync(string stateDirectory)
    {
        var router = new HaproxyRouter(Options(stateDirectory) with { HaproxyPath = RequiredTool.Haproxy() });
        return (router, await router.GetProxyAddressAsync(default));
    }

    private protected override Task DownAsync(string stateDirectory) => HaproxyRouter.DownAsync(Options(stateDirectory), default);

    [SkippableFact]
    public async Task A_killed_HAProxy_is_started_again_with_the_same_config_and_its_servers_restored()
    {
        var (router, address) = await CreateRouterAsync(StateDirectory + "/router");
        await using var _ = router;
        await router.SetWeightsAsync(Weights(("stable", 100)), default);
        var instance = await StartAsync("stable", "1.0.0");
        await router.AddAsync(instance, TimeSpan.FromSeconds(30), default);
        var config = await File.ReadAllTextAsync(StateDirectory + "/router/haproxy.cfg");
        var state = HaproxyProcess.ReadState(Options(StateDirectory + "/router"));
        var haproxy = new ProcessIdentity(state.Pid, state.StartTime);
        haproxy.Kill();
        for (var i = 0; i < 200 && haproxy.IsAlive(); i++) await Task.Delay(10);

        // The next call notices, starts HAProxy from the unchanged config, re-adds the server and its weight.
        InstanceStats? restored = null;
        for (var i = 0; i < 300 && restored is not { Healthy: true }; i++)
        {
            restored = (await router.GetStatsAsync(default)).Instances.SingleOrDefault(s => s.Name == instance.Name);
            await Task.Delay(20);
        }
        Assert.True(restored is { Healthy: true }, "the server was not restored");
        Assert.Equal(config, await File.ReadAllTextAsync(StateDirectory + "/router/haproxy.cfg"));
        Assert.NotEqual(state.Pid, HaproxyProcess.ReadState(Options(StateDirectory + "/router")).Pid);
        using var client = new HttpClient();
        Assert.Equal(instance.Name, (await client.GetAsync(address)).Headers.GetValues("X-Backend").Single());
    }

    private static HaproxyRouterOptions Options(string stateDirectory) => new(stateDirectory) { HealthInterval = HealthInterval };
}
