extern alias router;

using Microsoft.AspNetCore.Http;
using Release.Sdk.Deploy.Adapters.Routing;
using Release.Sdk.Engine.Diagnostics;
using router::Release.Sdk.Router;

namespace Release.Sdk.Deploy.Adapters.Tests.Unit;

public sealed class RouterPieceTests
{
    [Fact]
    public void Admin_authentication_accepts_only_the_exact_bearer_token()
    {
        var auth = new AdminAuthentication("0123456789abcdef-token");
        static HttpRequest With(string? header)
        {
            var context = new DefaultHttpContext();
            if (header is not null) context.Request.Headers.Authorization = header;
            return context.Request;
        }

        Assert.True(auth.IsAuthorized(With("Bearer 0123456789abcdef-token")));
        Assert.False(auth.IsAuthorized(With("Bearer 0123456789abcdef-toke")));
        Assert.False(auth.IsAuthorized(With("Bearer 0123456789abcdef-token2")));
        Assert.False(auth.IsAuthorized(With("Basic 0123456789abcdef-token")));
        Assert.False(auth.IsAuthorized(With(null)));
    }

    [Fact]
    public void Options_need_a_long_enough_token_and_parse_durations()
    {
        var options = RouterOptions.Parse(["--state-dir", "/tmp/s", "--health-interval", "250ms"], name => name == RouterOptions.TokenVariable ? "a-token-of-sixteen+" : null);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.HealthInterval);
        Assert.Equal("/health", options.HealthPath);
        Assert.Throws<ArgumentException>(() => RouterOptions.Parse(["--state-dir", "/tmp/s"], _ => "short"));
        Assert.Throws<ArgumentException>(() => RouterOptions.Parse(["--health-path", "/h"], _ => "a-token-of-sixteen+"));
    }

    [Fact]
    public void Prometheus_text_has_one_series_per_destination_with_a_cumulative_histogram()
    {
        var stats = new AdminContracts.StatsResponse(DateTimeOffset.UnixEpoch, new() { ["canary"] = 10 }, [
            new AdminContracts.DestinationStats("web-2.0.0-1", "canary", "2.0.0", "http://127.0.0.1:1/", 10, true, false, 7, 2, 1, 3, 0.5,
                [new("0.005", 4), new("+Inf", 7)]),
        ]);
        var text = PrometheusText.Render(stats);
        Assert.Contains("rsdk_router_requests_total{destination=\"web-2.0.0-1\",group=\"canary\",version=\"2.0.0\"} 7\n", text);
        Assert.Contains("rsdk_router_responses_5xx_total{destination=\"web-2.0.0-1\",group=\"canary\",version=\"2.0.0\"} 2\n", text);
        Assert.Contains("rsdk_router_in_flight_requests{destination=\"web-2.0.0-1\",group=\"canary\",version=\"2.0.0\"} 3\n", text);
        Assert.Contains("rsdk_router_request_duration_seconds_bucket{destination=\"web-2.0.0-1\",group=\"canary\",version=\"2.0.0\",le=\"+Inf\"} 7\n", text);
        Assert.Contains("# TYPE rsdk_router_request_duration_seconds histogram\n", text);
    }

    [Fact]
    public void Only_a_refused_connection_counts_as_retryable()
    {
        var refused = new HttpRequestException("x", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));
        var reset = new HttpRequestException("x", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionReset));
        Assert.True(ProxyPipeline.IsConnectionRefused(refused));
        Assert.False(ProxyPipeline.IsConnectionRefused(reset));
        Assert.False(ProxyPipeline.IsConnectionRefused(null));
    }

    [Theory]
    [InlineData(90, 20)]
    [InlineData(-10, 110)]
    [InlineData(0, 0)]
    public void Weights_must_be_percents_summing_to_100(int stable, int canary)
    {
        var error = Assert.Throws<ReleaseException>(() => TrafficWeights.Validate(new Dictionary<string, int> { ["stable"] = stable, ["canary"] = canary }));
        Assert.Equal("RSDK7054", error.Code);
    }
}
