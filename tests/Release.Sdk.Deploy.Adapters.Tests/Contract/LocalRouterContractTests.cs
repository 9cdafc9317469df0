using Release.Sdk.Deploy.Adapters.Routing;
using Release.Sdk.Deploy.Ports;
using Xunit.Abstractions;

namespace Release.Sdk.Deploy.Adapters.Tests.Contract;

[Collection(RouterSuiteCollection.Name)]
public sealed class LocalRouterContractTests(ITestOutputHelper output) : RouterContractTests(output)
{
    protected override bool ReplaysRequestsOfKilledBackend => false;

    private protected override async Task<(ITrafficRouter Router, Uri Address)> CreateRouterAsync(string stateDirectory)
    {
        var router = new LocalRouter(new LocalRouterOptions(stateDirectory) { HealthInterval = HealthInterval });
        return (router, await router.GetProxyAddressAsync(default));
    }

    private protected override Task DownAsync(string stateDirectory) => LocalRouter.DownAsync(stateDirectory, default);
}
