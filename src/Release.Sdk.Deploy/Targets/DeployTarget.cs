using Release.Sdk.Deploy.Ports;

namespace Release.Sdk.Deploy.Targets;

/// <summary>The three adapters a deploy drives, opened for one state directory.</summary>
internal sealed record DeployTarget(ITrafficRouter Router, IWorkload Workload, IMetricProvider Metrics) : IAsyncDisposable
{
    /// <summary>The app's public address (the router's listener), when the target knows it; shown in progress lines.</summary>
    public Uri? PublicAddress { get; init; }

    public ValueTask DisposeAsync() => Router.DisposeAsync();
}
