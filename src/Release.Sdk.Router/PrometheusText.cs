using System.Globalization;
using System.Text;

namespace Release.Sdk.Router;

/// <summary>Renders the stats in the Prometheus text exposition format (version 0.0.4), one series per destination.</summary>
internal static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Render(AdminContracts.StatsResponse stats)
    {
        var text = new StringBuilder();
        void Family(string name, string type, string help, Func<AdminContracts.DestinationStats, string> lines)
        {
            text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
            text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
            foreach (var d in stats.Destinations) text.Append(lines(d));
        }

        string Line(string name, AdminContracts.DestinationStats d, string value, string extraLabel = "") =>
            $"{name}{{destination=\"{Escape(d.Name)}\",group=\"{Escape(d.Group)}\",version=\"{Escape(d.Version)}\"{extraLabel}}} {value}\n";

        Family("rsdk_router_requests_total", "counter", "Requests answered by the destination.", d => Line("rsdk_router_requests_total", d, Number(d.Requests)));
        Family("rsdk_router_responses_5xx_total", "counter", "Responses with a 5xx status (from the destination or the proxy).", d => Line("rsdk_router_responses_5xx_total", d, Number(d.Errors5xx)));
        Family("rsdk_router_connection_failures_total", "counter", "Connections the destination refused (the request was retried elsewhere).", d => Line("rsdk_router_connection_failures_total", d, Number(d.ConnectionFailures)));
        Family("rsdk_router_in_flight_requests", "gauge", "Requests being proxied to the destination now.", d => Line("rsdk_router_in_flight_requests", d, Number(d.InFlight)));
        Family("rsdk_router_destination_healthy", "gauge", "1 when the last health probe succeeded.", d => Line("rsdk_router_destination_healthy", d, d.Healthy ? "1" : "0"));
        Family("rsdk_router_destination_weight_percent", "gauge", "Percent of new requests the destination gets.", d => Line("rsdk_router_destination_weight_percent", d, Number(d.Weight)));
        Family("rsdk_router_request_duration_seconds", "histogram", "Time to proxy a request to the destination.", d =>
        {
            var lines = new StringBuilder();
            foreach (var bucket in d.LatencyBuckets)
                lines.Append(Line("rsdk_router_request_duration_seconds_bucket", d, Number(bucket.Count), $",le=\"{bucket.Le}\""));
            lines.Append(Line("rsdk_router_request_duration_seconds_sum", d, d.LatencySumSeconds.ToString("R", CultureInfo.InvariantCulture)));
            lines.Append(Line("rsdk_router_request_duration_seconds_count", d, Number(d.Requests)));
            return lines.ToString();
        });
        return text.ToString();
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
