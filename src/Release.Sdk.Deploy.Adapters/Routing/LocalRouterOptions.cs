namespace Release.Sdk.Deploy.Adapters.Routing;

/// <summary>
/// Where and how the local router runs. <paramref name="StateDirectory"/> holds router.json (pid, proxy and admin URLs),
/// router.token (the admin token, mode 0600), routes.json (destinations and weights, reloaded if the router restarts)
/// and router.log. The proxy address is the app's public address: keep <paramref name="ProxyUrl"/> fixed
/// (e.g. http://127.0.0.1:8080) for a stable URL; port 0 picks a free one.
/// </summary>
internal sealed record LocalRouterOptions(string StateDirectory)
{
    /// <summary>Release.Sdk.Router.dll; default: RSDK_ROUTER_PATH, then router/ beside this assembly.</summary>
    public string? RouterPath { get; init; }

    public string ProxyUrl { get; init; } = "http://127.0.0.1:0";

    public string HealthPath { get; init; } = "/health";

    public TimeSpan HealthInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
