using Release.Sdk.Deploy.Adapters.Haproxy;
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

    private static HaproxyRouterOptions Options(string stateDirectory) => new(stateDirectory) { HealthInterval = HealthInterval };
}
