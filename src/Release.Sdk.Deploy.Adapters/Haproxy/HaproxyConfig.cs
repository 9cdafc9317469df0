using System.Globalization;

namespace Release.Sdk.Deploy.Adapters.Haproxy;

/// <summary>
/// The managed haproxy.cfg, as measured on HAProxy 2.6 (docs/deploy-routers.md): an empty backend that servers are added to
/// at runtime, HTTP health checks with fall 1 / rise 1, and retries that hide a dead backend from clients (`retries 3`,
/// `option redispatch`, `retry-on conn-failure empty-response response-timeout`).
/// </summary>
internal static class HaproxyConfig
{
    public static string Render(HaproxyRouterOptions options, string socketPath, int port, int metricsPort) => string.Create(CultureInfo.InvariantCulture, $$"""
        # Written once by Release.Sdk; changed only through the runtime API below (never reloaded during a deploy).
        global
            stats socket {{socketPath}} mode 600 level admin
            stats timeout 30s
            maxconn 4096

        defaults
            mode http
            timeout connect 2s
            timeout client 30s
            timeout server 30s
            timeout queue 5s
            timeout http-keep-alive 10s
            retries 3
            option redispatch
            retry-on conn-failure empty-response response-timeout

        frontend app
            bind {{options.BindAddress}}:{{port}}
            default_backend {{options.Backend}}

        frontend metrics
            bind 127.0.0.1:{{metricsPort}}
            http-request use-service prometheus-exporter if { path /metrics }
            http-request return status 404

        backend {{options.Backend}}
            balance roundrobin
            option httpchk GET {{options.HealthPath}}

        """);

    /// <summary>The runtime command that adds a server with no traffic (weight 0), checked every interval, down after one failure.</summary>
    public static string AddServer(string backend, string server, string host, int port, TimeSpan interval) => string.Create(CultureInfo.InvariantCulture,
        $"add server {backend}/{server} {host}:{port} weight 0 check inter {(int)interval.TotalMilliseconds} fall 1 rise 1");
}
