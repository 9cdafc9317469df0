namespace Release.Sdk.Deploy.Adapters.Haproxy;

/// <summary>
/// HAProxy as the router. Managed (default): haproxy.cfg is written ONCE into <paramref name="StateDirectory"/> and HAProxy
/// is started detached on first use; every later change goes through the runtime API (stats socket, level admin), never a
/// reload. Attached: set <see cref="RuntimeSocket"/> to drive an HAProxy you run yourself (its backend
/// <see cref="Backend"/> must exist, use a dynamic algorithm such as roundrobin, and have `option httpchk`).
/// </summary>
internal sealed record HaproxyRouterOptions(string StateDirectory)
{
    /// <summary>The haproxy executable; default: HAPROXY_PATH, then /usr/sbin/haproxy, then PATH.</summary>
    public string? HaproxyPath { get; init; }

    /// <summary>An existing HAProxy's stats socket (level admin); when set nothing is written or started.</summary>
    public string? RuntimeSocket { get; init; }

    public string Backend { get; init; } = "app";

    /// <summary>Where the managed HAProxy accepts the app's traffic; port 0 picks a free one (fixed once the config is written).</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    public int Port { get; init; }

    /// <summary>Port of HAProxy's built-in Prometheus exporter (/metrics) in the managed config; 0 picks a free one.</summary>
    public int MetricsPort { get; init; }

    public string HealthPath { get; init; } = "/health";

    public TimeSpan HealthInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
