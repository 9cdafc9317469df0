using System.Diagnostics;
using System.Net.Sockets;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Release.Sdk.Router;

/// <summary>
/// The two middlewares around YARP's load balancing. <see cref="RetryRefusedConnectionsAsync"/> runs before it: when the
/// chosen backend refused the connection (nothing was sent — HAProxy's <c>retry-on conn-failure</c>), the destination is
/// marked down at once and the request goes to another one, up to <see cref="MaxAttempts"/>; anything else (a reset
/// mid-response, a timeout) is not retried, because the backend may have acted on the request.
/// <see cref="MeasureAsync"/> runs after it, once per attempt, and counts the outcome for the chosen destination.
/// </summary>
internal sealed class ProxyPipeline(ProxyMetrics metrics, IDestinationHealthUpdater healthUpdater, IProxyStateLookup proxyState, RouterOptions options)
{
    public const int MaxAttempts = 3;

    private const string RefusedKey = "rsdk.refused";

    public async Task RetryRefusedConnectionsAsync(HttpContext context, Func<Task> next)
    {
        var proxy = context.GetReverseProxyFeature();
        var candidates = proxy.AvailableDestinations;
        var refused = new List<DestinationState>();
        for (var attempt = 1; ; attempt++)
        {
            await next();
            var failed = proxy.ProxiedDestination;
            if (!context.Items.ContainsKey(RefusedKey) || failed is null || context.Response.HasStarted || HasBody(context.Request)) return;

            context.Items.Remove(RefusedKey);
            refused.Add(failed);
            // Down now rather than at the next probe; the active check brings it back once it answers again.
            if (proxyState.TryGetCluster(proxy.Cluster.Config.ClusterId, out var cluster))
                healthUpdater.SetPassive(cluster, failed, DestinationHealth.Unhealthy, options.HealthInterval * 2);
            var remaining = candidates.Where(d => !refused.Contains(d)).ToList();
            if (attempt >= MaxAttempts || remaining.Count == 0) return;

            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.Clear();
            proxy.AvailableDestinations = remaining;
        }
    }

    public async Task MeasureAsync(HttpContext context, Func<Task> next)
    {
        var started = Stopwatch.GetTimestamp();
        await next();
        var destination = context.GetReverseProxyFeature().ProxiedDestination;
        if (destination is null) return;
        var counters = metrics.For(destination.DestinationId);
        var error = context.GetForwarderErrorFeature();
        if (error is { Error: ForwarderError.Request } && IsConnectionRefused(error.Exception))
        {
            counters.RecordConnectionFailure();
            context.Items[RefusedKey] = true;
            return;
        }
        counters.RecordResponse(context.Response.StatusCode, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Requests with a body are not retried: the body stream may already be partly consumed.</summary>
    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;

    internal static bool IsConnectionRefused(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused }) return true;
        return false;
    }
}
