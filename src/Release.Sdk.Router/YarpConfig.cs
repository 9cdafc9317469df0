using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;

namespace Release.Sdk.Router;

/// <summary>The single route and cluster the router serves, rebuilt from the route table whenever it changes.</summary>
internal static class YarpConfig
{
    public const string ClusterId = "app";

    public static IReadOnlyList<RouteConfig> Routes { get; } =
    [
        new RouteConfig { RouteId = "all", ClusterId = ClusterId, Match = new RouteMatch { Path = "{**catch-all}" } },
    ];

    public static IReadOnlyList<ClusterConfig> Clusters(RouteTable.Snapshot routes, RouterOptions options) =>
    [
        new ClusterConfig
        {
            ClusterId = ClusterId,
            LoadBalancingPolicy = WeightedLoadBalancingPolicy.PolicyName,
            Destinations = routes.Destinations.Values.ToDictionary(
                d => d.Name, d => new DestinationConfig { Address = d.Address }, StringComparer.Ordinal),
            HealthCheck = new HealthCheckConfig
            {
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Interval = options.HealthInterval,
                    Timeout = options.HealthTimeout,
                    Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                    Path = options.HealthPath,
                },
                Passive = new PassiveHealthCheckConfig
                {
                    Enabled = true,
                    Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                    ReactivationPeriod = options.HealthInterval * 2,
                },
            },
            // One failed probe is enough: an instance that stopped answering is out within one interval.
            Metadata = new Dictionary<string, string> { ["ConsecutiveFailuresHealthPolicy.Threshold"] = "1" },
        },
    ];
}
