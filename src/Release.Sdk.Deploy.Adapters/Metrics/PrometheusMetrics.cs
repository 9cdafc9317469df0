using System.Globalization;
using System.Text.Json;
using Release.Sdk.Deploy.Ports;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Deploy.Adapters.Metrics;

/// <param name="BaseAddress">Prometheus' address, e.g. http://127.0.0.1:9090/.</param>
internal sealed record PrometheusMetricsOptions(Uri BaseAddress)
{
    /// <summary>The query_range resolution: one sample per step.</summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Instant query (at the window's end) for the minimum-request policy; null = not known (RequestCount -1).
    /// The default counts the Release.Sdk router's requests.</summary>
    public string? RequestCountExpression { get; init; } = "sum(increase(rsdk_router_requests_total{group=\"${group}\"}[${window}]))";
}

/// <summary>
/// Metrics from Prometheus' HTTP API: the expression (PromQL with ${group}, ${window}) goes to /api/v1/query_range over
/// the window; every value of the one resulting series is a sample. An expression that yields several series must be
/// aggregated (sum, avg, max) first. E.g. error rate from the router's metrics:
/// <c>sum(rate(rsdk_router_responses_5xx_total{group="${group}"}[5s])) / sum(rate(rsdk_router_requests_total{group="${group}"}[5s]))</c>.
/// </summary>
internal sealed class PrometheusMetrics(HttpClient http, PrometheusMetricsOptions options) : IMetricProvider
{
    public string Kind => "prometheus";

    public async Task<MetricResult> QueryAsync(MetricQuery query, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var expression = MetricTemplate.Expand(query.Expression, query.Group, from, to);
        var range = await GetDataAsync(
            $"api/v1/query_range?query={Uri.EscapeDataString(expression)}&start={Seconds(from)}&end={Seconds(to)}&step={Seconds(options.Step)}",
            expression, cancellationToken);
        var series = range.GetProperty("result");
        if (series.GetArrayLength() > 1)
            throw new ReleaseException(DiagnosticCatalog.MetricResponseInvalid,
                $"The PromQL expression {expression} returned {series.GetArrayLength()} series; aggregate it to one (sum(...), avg(...) or max(...)).");

        var samples = new List<double>();
        foreach (var s in series.EnumerateArray())
            foreach (var point in s.GetProperty("values").EnumerateArray())
                samples.Add(Number(point[1].GetString(), expression));

        long requests = -1;
        if (options.RequestCountExpression is { } countTemplate)
        {
            var countExpression = MetricTemplate.Expand(countTemplate, query.Group, from, to);
            var instant = await GetDataAsync($"api/v1/query?query={Uri.EscapeDataString(countExpression)}&time={Seconds(to)}", countExpression, cancellationToken);
            var result = instant.GetProperty("result");
            requests = result.GetArrayLength() == 0 ? 0 : (long)Math.Round(Number(result[0].GetProperty("value")[1].GetString(), countExpression) is var n && double.IsFinite(n) ? n : 0);
        }
        return new MetricResult(samples, requests,
            $"{query.Name}: PromQL {expression} over {from:HH:mm:ss}-{to:HH:mm:ss} step {options.Step.TotalSeconds:0.###}s at {options.BaseAddress}: {samples.Count} sample(s), {(requests < 0 ? "request count unknown" : $"{requests} request(s)")}");
    }

    private async Task<JsonElement> GetDataAsync(string relative, string expression, CancellationToken cancellationToken)
    {
        var uri = new Uri(options.BaseAddress, relative);
        string body;
        try
        {
            using var response = await http.GetAsync(uri, cancellationToken);
            body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode && !body.TrimStart().StartsWith('{'))
                throw new ReleaseException(DiagnosticCatalog.MetricQueryFailed, $"Prometheus at {options.BaseAddress} answered HTTP {(int)response.StatusCode} to {expression}. Check the address and that Prometheus is up.");
        }
        catch (HttpRequestException e)
        {
            throw new ReleaseException(DiagnosticCatalog.MetricQueryFailed, $"Prometheus at {options.BaseAddress} could not be reached: {e.Message}. Check the address and that Prometheus is up.", e);
        }
        try
        {
            var root = JsonDocument.Parse(body).RootElement;
            if (root.GetProperty("status").GetString() != "success")
                throw new ReleaseException(DiagnosticCatalog.MetricQueryFailed,
                    $"Prometheus rejected {expression}: {(root.TryGetProperty("error", out var error) ? error.GetString() : body)}. Fix the PromQL expression.");
            return root.GetProperty("data");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ReleaseException(DiagnosticCatalog.MetricResponseInvalid, $"Prometheus' answer to {expression} is not the HTTP API's JSON: {e.Message}.", e);
        }
    }

    private static double Number(string? text, string expression) => MetricTemplate.TryParseNumber(text ?? "", out var value)
        ? value
        : throw new ReleaseException(DiagnosticCatalog.MetricResponseInvalid, $"Prometheus returned '{text}' for {expression}, which is not a number.");

    private static string Seconds(DateTimeOffset at) => (at.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
