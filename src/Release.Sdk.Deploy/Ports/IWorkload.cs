namespace Release.Sdk.Deploy.Ports;

/// <summary>Starts and stops instances of a published app (local processes now; SSH hosts, Kubernetes, ECS later).</summary>
internal interface IWorkload
{
    /// <summary>Starts one instance of the app in <paramref name="publishDirectory"/> on a free port; returns once the process runs (health is the router's job).</summary>
    Task<BackendInstance> StartAsync(string group, string version, string publishDirectory, CancellationToken cancellationToken);

    /// <summary>Stops the instance (graceful, then killed after a grace period); a no-op when it is not running.</summary>
    Task StopAsync(string instanceName, CancellationToken cancellationToken);

    /// <summary>The instances this workload knows to be running (from its own state, so another process sees them too).</summary>
    Task<IReadOnlyList<BackendInstance>> ListAsync(CancellationToken cancellationToken);
}
