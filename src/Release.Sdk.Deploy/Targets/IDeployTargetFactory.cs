using Release.Sdk.Deploy.Plan;

namespace Release.Sdk.Deploy.Targets;

/// <summary>Opens the adapters a plan's target names (local, haproxy; SSH, Kubernetes and ECS later) and tears them down.</summary>
internal interface IDeployTargetFactory
{
    /// <param name="previous">The plan of the version being replaced (its instance environment), if any.</param>
    Task<DeployTarget> OpenAsync(DeployPlan plan, DeployPlan? previous, string stateDirectory, CancellationToken cancellationToken);

    /// <summary>Stops every instance and the router of the state directory ('deploy down').</summary>
    Task DownAsync(DeployPlan plan, string stateDirectory, CancellationToken cancellationToken);
}
