namespace Release.Sdk.Deploy.Ports;

/// <summary>
/// Answers one metric query over a window, per version group: the router's own stats, Prometheus' HTTP API, a generic
/// HTTP JSON endpoint or a command.
/// </summary>
internal interface IMetricProvider
{
    string Kind { get; }

    Task<MetricResult> QueryAsync(MetricQuery query, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

/// <param name="Name">The metric's name in verdicts, e.g. "error-rate", "p95-latency", "request-count".</param>
/// <param name="Expression">Provider-specific: a PromQL expression, a JSON path, a command line; for the router's stats one of error-rate, p95-latency, request-count.</param>
/// <param name="Group">The version group queried ("canary" or "stable"); substituted as ${group} into the expression.</param>
internal sealed record MetricQuery(string Name, string Expression, string Group);

/// <summary>The samples in the window (NaN allowed: analysis drops them), and how many requests they cover (for the minimum-request policy).</summary>
internal sealed record MetricResult(IReadOnlyList<double> Samples, long RequestCount, string Description);
