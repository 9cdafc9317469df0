using System.Text.Json;
using Release.Sdk.Deploy.Adapters.Metrics;
using Release.Sdk.Deploy.Ports;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Deploy.Adapters.Tests.Unit;

public sealed class MetricParsingTests
{
    private static KeyValuePair<double, long> B(double le, long count) => new(le, count);

    [Fact]
    public void Histogram_quantile_interpolates_inside_the_bucket_like_prometheus()
    {
        // 100 requests: 50 ≤ 0.1 s, 90 ≤ 0.5 s, 100 ≤ 1 s. p95: rank 95 lies in (0.5, 1] at 5/10 → 0.75 s.
        IReadOnlyList<KeyValuePair<double, long>> buckets = [B(0.1, 50), B(0.5, 90), B(1, 100), B(double.PositiveInfinity, 100)];
        Assert.Equal(0.75, HistogramQuantile.Compute(0.95, buckets), 10);
        // p50: rank 50 at the top of the first bucket → 0.1; p25: halfway into [0, 0.1] → 0.05.
        Assert.Equal(0.1, HistogramQuantile.Compute(0.5, buckets), 10);
        Assert.Equal(0.05, HistogramQuantile.Compute(0.25, buckets), 10);
        // Rank in +Inf: the largest finite bound. Empty: NaN.
        Assert.Equal(1, HistogramQuantile.Compute(0.99, [B(1, 90), B(double.PositiveInfinity, 100)]));
        Assert.True(double.IsNaN(HistogramQuantile.Compute(0.95, [B(double.PositiveInfinity, 0)])));
    }

    [Fact]
    public void Router_stats_deltas_cover_only_the_group_and_the_interval()
    {
        var t0 = DateTimeOffset.UnixEpoch;
        var before = new RouterStats(t0, [
            new InstanceStats("c1", "canary", 10, true, 100, 1, 0, [B(0.1, 100), B(double.PositiveInfinity, 100)]),
            new InstanceStats("s1", "stable", 90, true, 900, 0, 0, [B(0.1, 900), B(double.PositiveInfinity, 900)])]);
        var after = new RouterStats(t0.AddSeconds(10), [
            new InstanceStats("c1", "canary", 10, true, 150, 6, 0, [B(0.1, 140), B(double.PositiveInfinity, 150)]),
            new InstanceStats("c2", "canary", 10, true, 50, 0, 0, [B(0.1, 50), B(double.PositiveInfinity, 50)]),
            new InstanceStats("s1", "stable", 90, true, 1800, 0, 0, [B(0.1, 1800), B(double.PositiveInfinity, 1800)])]);

        var step = RouterStatsMetrics.Delta(before, after, "canary");

        Assert.Equal(100, step.Requests); // 50 from c1, 50 from c2 (new: counted from zero)
        Assert.Equal(5, step.Errors);
        Assert.Equal(10, step.Seconds);
        Assert.Equal([B(0.1, 90), B(double.PositiveInfinity, 100)], step.Buckets);
    }

    [Fact]
    public async Task Router_stats_metrics_return_one_sample_per_snapshot_step()
    {
        var router = new ScriptedRouter();
        var metrics = new RouterStatsMetrics(router);
        var t0 = DateTimeOffset.UnixEpoch;
        router.Next = Stats(t0, 0, 0);
        await metrics.SampleAsync(default);
        router.Next = Stats(t0.AddSeconds(5), 100, 10);
        await metrics.SampleAsync(default);
        router.Next = Stats(t0.AddSeconds(10), 300, 10);

        var result = await metrics.QueryAsync(new MetricQuery("error-rate", "error-rate", "canary"), t0, t0.AddSeconds(10), default);

        Assert.Equal([0.1, 0.0], result.Samples);
        Assert.Equal(300, result.RequestCount);
        Assert.Contains("error-rate", result.Description);
        var unknown = await Assert.ThrowsAsync<ReleaseException>(() => metrics.QueryAsync(new MetricQuery("x", "p95", "canary"), t0, t0, default));
        Assert.Equal("RSDK7062", unknown.Code);
    }

    [Fact]
    public async Task Router_stats_metrics_have_no_data_before_a_baseline_snapshot()
    {
        var router = new ScriptedRouter { Next = Stats(DateTimeOffset.UnixEpoch.AddSeconds(10), 300, 10) };
        var result = await new RouterStatsMetrics(router).QueryAsync(new MetricQuery("error-rate", "error-rate", "canary"), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(10), default);
        Assert.Empty(result.Samples);
        Assert.Equal(0, result.RequestCount);
    }

    [Fact]
    public void Command_output_gives_every_number_as_a_sample_and_a_request_count_line()
    {
        var result = CommandMetrics.Parse("0.5\n1.5 2.5\nNaN\nrequests=420\n", new MetricQuery("m", "cmd", "canary"));
        Assert.Equal(4, result.Samples.Count);
        Assert.Equal(0.5, result.Samples[0]);
        Assert.True(double.IsNaN(result.Samples[3]));
        Assert.Equal(420, result.RequestCount);
        Assert.Equal("RSDK7061", Assert.Throws<ReleaseException>(() => CommandMetrics.Parse("no numbers here", new MetricQuery("m", "cmd", "canary"))).Code);
        Assert.Empty(CommandMetrics.Parse("", new MetricQuery("m", "cmd", "canary")).Samples);
    }

    [Fact]
    public void Json_path_selects_names_indexes_and_wildcards()
    {
        using var json = JsonDocument.Parse("""{"groups":{"canary":{"p95":0.2,"series":[1,2,3]}},"data":[{"v":1},{"v":2}]}""");
        Assert.Equal(0.2, JsonPath.Select(json.RootElement, "$.groups.canary.p95").Single().GetDouble());
        Assert.Equal(2, JsonPath.Select(json.RootElement, "$.groups['canary'].series[1]").Single().GetDouble());
        Assert.Equal([1.0, 2.0], JsonPath.Select(json.RootElement, "$.data[*].v").Select(e => e.GetDouble()));
        Assert.Empty(JsonPath.Select(json.RootElement, "$.missing.path"));
        Assert.Equal("RSDK7062", Assert.Throws<ReleaseException>(() => JsonPath.Select(json.RootElement, "groups.canary").ToList()).Code);
    }

    [Fact]
    public void Templates_expand_group_window_and_times()
    {
        var from = DateTimeOffset.FromUnixTimeSeconds(1000);
        Assert.Equal("rate(x{group=\"canary\"}[30s]) 1000 1030",
            MetricTemplate.Expand("rate(x{group=\"${group}\"}[${window}]) ${from} ${to}", "canary", from, from.AddSeconds(30)));
    }

    private static RouterStats Stats(DateTimeOffset at, long requests, long errors) =>
        new(at, [new InstanceStats("c1", "canary", 10, true, requests, errors, 0, [B(double.PositiveInfinity, requests)])]);

    private sealed class ScriptedRouter : ITrafficRouter
    {
        public RouterStats Next { get; set; } = new(DateTimeOffset.UnixEpoch, []);

        public string Kind => "scripted";

        public Task<RouterStats> GetStatsAsync(CancellationToken cancellationToken) => Task.FromResult(Next);

        public Task AddAsync(BackendInstance instance, TimeSpan healthTimeout, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SetWeightsAsync(IReadOnlyDictionary<string, int> percentByGroup, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task DrainAsync(string instanceName, TimeSpan timeout, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RemoveAsync(string instanceName, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
