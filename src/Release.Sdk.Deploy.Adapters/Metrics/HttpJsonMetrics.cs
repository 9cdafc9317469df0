using System.Text.Json;
using Release.Sdk.Deploy.Ports;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Deploy.Adapters.Metrics;

/// <summary>
/// Metrics from any HTTP endpoint answering JSON. Expression: <c>URL#VALUE_PATH</c> or <c>URL#VALUE_PATH;REQUESTS_PATH</c>
/// (the fragment is never sent), with ${group}, ${window}, ${from}, ${to} expanded (URL-escaped) in the URL. The value path
/// may select one number, several, or an array of numbers: each is a sample. Without a requests path RequestCount is -1.
/// E.g. <c>http://127.0.0.1:9000/stats?group=${group}#$.errorRate;$.requests</c>. A bearer token, if needed, comes from
/// the environment variable named by tokenVariable.
/// </summary>
internal sealed class HttpJsonMetrics(HttpClient http, string? tokenVariable = null) : IMetricProvider
{
    public string Kind => "http-json";

    public async Task<MetricResult> QueryAsync(MetricQuery query, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var hash = query.Expression.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0)
            throw new ReleaseException(DiagnosticCatalog.InvalidMetricQuery,
                $"The HTTP JSON metric '{query.Name}' needs URL#JSON_PATH (e.g. http://host/stats?group=${{group}}#$.errorRate), got '{query.Expression}'.");
        var url = MetricTemplate.Expand(query.Expression[..hash], query.Group, from, to, Uri.EscapeDataString);
        var paths = query.Expression[(hash + 1)..].Split(';', 2);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ReleaseException(DiagnosticCatalog.InvalidMetricQuery, $"'{url}' in metric '{query.Name}' is not an absolute http(s) URL.");

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (tokenVariable is not null && Environment.GetEnvironmentVariable(tokenVariable) is { Length: > 0 } token)
            request.Headers.Authorization = new("Bearer", token);
        JsonElement root;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new ReleaseException(DiagnosticCatalog.MetricQueryFailed, $"{uri.GetLeftPart(UriPartial.Path)} answered HTTP {(int)response.StatusCode} for metric '{query.Name}'. Check the URL and that the service is up.");
            root = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement;
        }
        catch (HttpRequestException e)
        {
            throw new ReleaseException(DiagnosticCatalog.MetricQueryFailed, $"{uri.GetLeftPart(UriPartial.Path)} could not be reached for metric '{query.Name}': {e.Message}.", e);
        }
        catch (JsonException e)
        {
            throw new ReleaseException(DiagnosticCatalog.MetricResponseInvalid, $"{uri.GetLeftPart(UriPartial.Path)} did not answer JSON for metric '{query.Name}': {e.Message}.", e);
        }

        var samples = JsonPath.Select(root, paths[0]).SelectMany(e => Numbers(e, query.Name, paths[0])).ToList();
        long requests = -1;
        if (paths.Length > 1)
            requests = (long)JsonPath.Select(root, paths[1]).SelectMany(e => Numbers(e, query.Name, paths[1])).Where(double.IsFinite).Sum();
        return new MetricResult(samples, requests, $"{query.Name}: {paths[0]} of GET {uri.GetLeftPart(UriPartial.Path)} (group {query.Group}): {samples.Count} sample(s)");
    }

    private static IEnumerable<double> Numbers(JsonElement element, string metric, string path) => element.ValueKind switch
    {
        JsonValueKind.Number => [element.GetDouble()],
        JsonValueKind.String when MetricTemplate.TryParseNumber(element.GetString()!, out var n) => [n],
        JsonValueKind.Null => [double.NaN],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(e => Numbers(e, metric, path)).ToList(),
        _ => throw new ReleaseException(DiagnosticCatalog.MetricResponseInvalid,
            $"{path} selected {element.ValueKind} '{Shorten(element.GetRawText())}' for metric '{metric}'; it must select numbers (or numeric strings)."),
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
