using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Release.Sdk.Deploy.Adapters.Metrics;
using Release.Sdk.Deploy.Ports;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Deploy.Adapters.Tests.Metrics;

public sealed class HttpAndCommandMetricsTests : IAsyncLifetime
{
    private WebApplication _server = null!;
    private Uri _address = null!;
    private readonly HttpClient _http = new();
    private static readonly DateTimeOffset From = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _server = builder.Build();
        _server.MapGet("/stats", (string group, string window, HttpRequest request) => Results.Text(
            $$"""{"group":"{{group}}","window":"{{window}}","errorRate":{{(group == "canary" ? "0.05" : "0")}},"requests":120,"series":[1,"2.5",null],"auth":"{{request.Headers.Authorization}}"}""",
            "application/json"));
        _server.MapGet("/broken", () => Results.Text("<html>", "text/html"));
        _server.MapGet("/fail", () => Results.StatusCode(500));
        await _server.StartAsync();
        _address = new Uri(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Http_json_reads_the_value_and_request_count_paths_with_placeholders_expanded()
    {
        var metrics = new HttpJsonMetrics(_http);
        var result = await metrics.QueryAsync(new MetricQuery("error-rate", $"{_address}stats?group=${{group}}&window=${{window}}#$.errorRate;$.requests", "canary"), From, From.AddSeconds(30), default);
        Assert.Equal([0.05], result.Samples);
        Assert.Equal(120, result.RequestCount);

        var series = await metrics.QueryAsync(new MetricQuery("s", $"{_address}stats?group=stable&window=1s#$.series", "stable"), From, From, default);
        Assert.Equal(3, series.Samples.Count);
        Assert.Equal(2.5, series.Samples[1]);
        Assert.True(double.IsNaN(series.Samples[2]));
        Assert.Equal(-1, series.RequestCount);
    }

    [Fact]
    public async Task Http_json_errors_are_coded()
    {
        var metrics = new HttpJsonMetrics(_http);
        Assert.Equal("RSDK7060", (await Assert.ThrowsAsync<ReleaseException>(() => metrics.QueryAsync(new MetricQuery("m", $"{_address}fail#$.x", "canary"), From, From, default))).Code);
        Assert.Equal("RSDK7061", (await Assert.ThrowsAsync<ReleaseException>(() => metrics.QueryAsync(new MetricQuery("m", $"{_address}broken#$.x", "canary"), From, From, default))).Code);
        Assert.Equal("RSDK7061", (await Assert.ThrowsAsync<ReleaseException>(() => metrics.QueryAsync(new MetricQuery("m", $"{_address}stats?group=a&window=1s#$.group", "canary"), From, From, default))).Code);
        Assert.Equal("RSDK7062", (await Assert.ThrowsAsync<ReleaseException>(() => metrics.QueryAsync(new MetricQuery("m", $"{_address}stats", "canary"), From, From, default))).Code);
    }

    [Fact]
    public async Task A_command_gets_the_group_and_window_in_its_environment_and_prints_samples()
    {
        var metrics = new CommandMetrics();
        var result = await metrics.QueryAsync(new MetricQuery("latency", """test "$RSDK_GROUP" = canary && echo "0.25 0.5" && echo "requests=$((RSDK_TO - RSDK_FROM))" """, "canary"), From, From.AddSeconds(42), default);
        Assert.Equal([0.25, 0.5], result.Samples);
        Assert.Equal(42, result.RequestCount);
    }

    [Fact]
    public async Task A_failing_or_hanging_command_is_a_coded_error()
    {
        var failing = await Assert.ThrowsAsync<ReleaseException>(() => new CommandMetrics().QueryAsync(new MetricQuery("m", "echo broken >&2; exit 3", "canary"), From, From, default));
        Assert.Equal("RSDK7060", failing.Code);
        Assert.Contains("broken", failing.Message);
        var hanging = await Assert.ThrowsAsync<ReleaseException>(() => new CommandMetrics(TimeSpan.FromMilliseconds(300)).QueryAsync(new MetricQuery("m", "sleep 5", "canary"), From, From, default));
        Assert.Equal("RSDK7060", hanging.Code);
    }
}
