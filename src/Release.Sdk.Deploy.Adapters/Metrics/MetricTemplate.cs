using System.Globalization;

namespace Release.Sdk.Deploy.Adapters.Metrics;

/// <summary>
/// Placeholders in metric expressions: ${group} (the version group), ${window} (the window as a Prometheus duration, e.g.
/// "30s"), ${from} and ${to} (Unix seconds).
/// </summary>
internal static class MetricTemplate
{
    public static string Expand(string template, string group, DateTimeOffset from, DateTimeOffset to, Func<string, string>? escape = null)
    {
        escape ??= v => v;
        return template
            .Replace("${group}", escape(group), StringComparison.Ordinal)
            .Replace("${window}", escape(Window(from, to)), StringComparison.Ordinal)
            .Replace("${from}", escape(from.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)), StringComparison.Ordinal)
            .Replace("${to}", escape(to.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)), StringComparison.Ordinal);
    }

    public static string Window(DateTimeOffset from, DateTimeOffset to) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (long)Math.Ceiling((to - from).TotalSeconds))}s");

    /// <summary>Numbers as metric systems print them: invariant culture, plus NaN/+Inf/-Inf spellings.</summary>
    public static bool TryParseNumber(string text, out double value)
    {
        switch (text.Trim())
        {
            case "NaN" or "nan": value = double.NaN; return true;
            case "+Inf" or "Inf" or "inf" or "+inf": value = double.PositiveInfinity; return true;
            case "-Inf" or "-inf": value = double.NegativeInfinity; return true;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
