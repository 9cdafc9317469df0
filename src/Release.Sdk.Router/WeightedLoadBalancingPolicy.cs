using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Model;

namespace Release.Sdk.Router;

/// <summary>
/// YARP has no weighted policy; this one splits traffic between version groups by the admin API's percentages. A
/// destination takes weighted traffic only once an active health probe said it is healthy (a freshly added instance
/// gets nothing before), and never while draining. If no weighted group can serve (e.g. the 100 % group just died),
/// requests go round-robin to whatever is not draining and not known to be down rather than failing.
/// </summary>
internal sealed class WeightedLoadBalancingPolicy(RouteTable table, WeightedSelector selector) : ILoadBalancingPolicy
{
    public const string PolicyName = "Weighted";

    public string Name => PolicyName;

    public DestinationState? PickDestination(HttpContext context, ClusterState cluster, IReadOnlyList<DestinationState> availableDestinations)
    {
        var routes = table.Current;
        var serving = new List<DestinationState>(availableDestinations.Count);
        var provisional = new List<DestinationState>(availableDestinations.Count);
        foreach (var destination in availableDestinations)
        {
            if (!routes.Destinations.TryGetValue(destination.DestinationId, out var route) || route.Draining) continue;
            var active = destination.Health.Active;
            if (active == DestinationHealth.Healthy) serving.Add(destination);
            if (active != DestinationHealth.Unhealthy && destination.Health.Passive != DestinationHealth.Unhealthy) provisional.Add(destination);
        }

        return selector.Pick(serving, d => routes.Destinations[d.DestinationId].Group, routes.WeightOf)
            ?? selector.PickAny(serving)
            ?? selector.PickAny(provisional);
    }
}
