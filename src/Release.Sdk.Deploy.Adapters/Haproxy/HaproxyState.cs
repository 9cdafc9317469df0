namespace Release.Sdk.Deploy.Adapters.Haproxy;

/// <summary>
/// STATE/haproxy-state.json: what HAProxy cannot hold itself (the version group of each server, the percent per group)
/// plus the managed process and its ports. Shared by every process driving the same HAProxy.
/// </summary>
internal sealed record HaproxyState
{
    public int Pid { get; init; }

    public string StartTime { get; init; } = "";

    public int Port { get; init; }

    public int MetricsPort { get; init; }

    public string SocketPath { get; init; } = "";

    public Dictionary<string, HaproxyServer> Servers { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Weights { get; init; } = new(StringComparer.Ordinal);
}

internal sealed record HaproxyServer(string Group, string Version, string Host, int Port, bool Draining);
