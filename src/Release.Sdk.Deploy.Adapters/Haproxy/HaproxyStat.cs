using System.Globalization;

namespace Release.Sdk.Deploy.Adapters.Haproxy;

/// <summary>One server row of `show stat` (CSV; the header line starts with "# ").</summary>
internal sealed record HaproxyServerStat(string Backend, string Server, string Status, int Weight, long CurrentSessions,
    long Responses, long Responses5xx, long ResponseErrors, long ResponseTimeMs, string CheckStatus)
{
    public bool IsUp => Status.StartsWith("UP", StringComparison.Ordinal) || Status == "NOLB" || Status == "DRAIN";

    /// <summary>The last health check passed (a server leaving maintenance is UP before its first check ran).</summary>
    public bool IsChecked => CheckStatus.StartsWith("L7OK", StringComparison.Ordinal) || CheckStatus.StartsWith("L6OK", StringComparison.Ordinal) || CheckStatus.StartsWith("L4OK", StringComparison.Ordinal);

    public bool IsMaintenance => Status.StartsWith("MAINT", StringComparison.Ordinal);

    public static IReadOnlyList<HaproxyServerStat> Parse(string csv, string backend)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines.FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal));
        if (header is null) return [];
        var columns = header[2..].Split(',').Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index, StringComparer.Ordinal);
        var rows = new List<HaproxyServerStat>();
        foreach (var line in lines.Where(l => !l.StartsWith('#')))
        {
            var f = line.Split(',');
            string Text(string name) => columns.TryGetValue(name, out var i) && i < f.Length ? f[i] : "";
            long Number(string name) => long.TryParse(Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;
            var server = Text("svname");
            if (Text("pxname") != backend || server is "FRONTEND" or "BACKEND") continue;
            var responses = Number("hrsp_1xx") + Number("hrsp_2xx") + Number("hrsp_3xx") + Number("hrsp_4xx") + Number("hrsp_5xx") + Number("hrsp_other");
            rows.Add(new HaproxyServerStat(backend, server, Text("status"), (int)Number("weight"), Number("scur"),
                responses, Number("hrsp_5xx"), Number("eresp"), Number("rtime"), Text("check_status").TrimStart('*', ' ')));
        }
        return rows;
    }
}
