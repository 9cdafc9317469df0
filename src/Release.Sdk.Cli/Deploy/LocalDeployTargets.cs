using System.Globalization;
using Release.Sdk.Deploy.Adapters.Haproxy;
using Release.Sdk.Deploy.Adapters.Metrics;
using Release.Sdk.Deploy.Adapters.Routing;
using Release.Sdk.Deploy.Adapters.Workloads;
using Release.Sdk.Deploy.Plan;
using Release.Sdk.Deploy.Ports;
using Release.Sdk.Deploy.Targets;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Cli.Deploy;

/// <summary>
/// The targets on one machine: instances as local processes behind the shipped router ("local") or HAProxy
/// ("haproxy"), with the metric provider the plan names. Adapter settings come from the plan's router.*, haproxy.*,
/// metrics.*, target.* and env.* keys.
/// </summary>
internal sealed class LocalDeployTargets(HttpClient http) : IDeployTargetFactory
{
    public async Task<DeployTarget> OpenAsync(DeployPlan plan, DeployPlan? previous, string stateDirectory, CancellationToken cancellationToken)
    {
        var settings = plan.TargetSettings;
        var workload = new LocalProcessWorkload(new LocalProcessWorkloadOptions(stateDirectory)
        {
            AppName = settings.GetValueOrDefault("target.appName"),
            // Each version keeps the environment it was deployed with, also when a rollback restarts the previous one.
            EnvironmentFor = (_, version) => version == plan.Version ? EnvironmentOf(plan) : previous is not null && version == previous.Version ? EnvironmentOf(previous) : new Dictionary<string, string>(),
        });
        ITrafficRouter router = plan.Target switch
        {
            "local" => new LocalRouter(new LocalRouterOptions(stateDirectory)
            {
                ProxyUrl = settings.GetValueOrDefault("router.proxyUrl") ?? "http://127.0.0.1:0",
                HealthPath = settings.GetValueOrDefault("router.healthPath") ?? "/health",
            }),
            "haproxy" => new HaproxyRouter(HaproxyOptions(plan, stateDirectory)),
            _ => throw new ReleaseException(DiagnosticCatalog.DeployTargetUnavailable, $"Unknown deploy target '{plan.Target}'. Set ReleaseDeployTarget to local (the built-in router) or haproxy."),
        };
        var metrics = Metrics(plan, router);
        var address = router switch
        {
            LocalRouter local => await local.GetProxyAddressAsync(cancellationToken).ConfigureAwait(false),
            HaproxyRouter haproxy => await haproxy.GetProxyAddressAsync(cancellationToken).ConfigureAwait(false),
            _ => null,
        };
        return new DeployTarget(router, workload, metrics) { PublicAddress = address };
    }

    public async Task DownAsync(DeployPlan plan, string stateDirectory, CancellationToken cancellationToken)
    {
        var workload = new LocalProcessWorkload(new LocalProcessWorkloadOptions(stateDirectory));
        foreach (var instance in await workload.ListAsync(cancellationToken).ConfigureAwait(false))
            await workload.StopAsync(instance.Name, cancellationToken).ConfigureAwait(false);
        if (plan.Target == "haproxy") await HaproxyRouter.DownAsync(HaproxyOptions(plan, stateDirectory), cancellationToken).ConfigureAwait(false);
        else await LocalRouter.DownAsync(stateDirectory, cancellationToken).ConfigureAwait(false);
    }

    private IMetricProvider Metrics(DeployPlan plan, ITrafficRouter router)
    {
        var settings = plan.TargetSettings;
        var provider = settings.GetValueOrDefault("metrics.provider") ?? "router";
        var url = settings.GetValueOrDefault("metrics.url");
        return provider switch
        {
            "router" => new RouterStatsMetrics(router),
            "prometheus" => new PrometheusMetrics(http, new PrometheusMetricsOptions(new Uri(url ?? throw MissingUrl(provider)))),
            "http" => new HttpJsonMetrics(http, settings.GetValueOrDefault("metrics.tokenVariable")),
            "command" => new CommandMetrics(),
            _ => throw new ReleaseException(DiagnosticCatalog.DeployTargetUnavailable, $"Unknown metric provider '{provider}'. Set ReleaseDeployMetricsProvider to router, prometheus, http or command."),
        };
    }

    private static HaproxyRouterOptions HaproxyOptions(DeployPlan plan, string stateDirectory)
    {
        var settings = plan.TargetSettings;
        return new HaproxyRouterOptions(stateDirectory)
        {
            HaproxyPath = settings.GetValueOrDefault("haproxy.path"),
            RuntimeSocket = settings.GetValueOrDefault("haproxy.socket"),
            Backend = settings.GetValueOrDefault("haproxy.backend") ?? "app",
            Port = int.TryParse(settings.GetValueOrDefault("haproxy.port"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) ? port : 0,
            HealthPath = settings.GetValueOrDefault("router.healthPath") ?? "/health",
        };
    }

    private static Dictionary<string, string> EnvironmentOf(DeployPlan plan) => plan.TargetSettings
        .Where(p => p.Key.StartsWith("env.", StringComparison.Ordinal))
        .ToDictionary(p => p.Key["env.".Length..], p => p.Value, StringComparer.Ordinal);

    private static ReleaseException MissingUrl(string provider) => new(DiagnosticCatalog.DeployTargetUnavailable,
        $"The {provider} metric provider needs a URL. Set ReleaseDeployMetricsUrl (e.g. http://127.0.0.1:9090 for Prometheus).");
}
