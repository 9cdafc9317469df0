namespace Release.Sdk.Deploy.Adapters.Haproxy;

/// <summary>
/// Turns percents per group into HAProxy server weights (0-256). Each server of a group gets percent / servers-in-group,
/// scaled so the largest per-server share is 256: the most precision HAProxy's weights allow (10 % vs 90 % with one
/// server each → 28 and 256, i.e. 9.9 %).
/// </summary>
internal static class HaproxyWeights
{
    public const int Max = 256;

    public static IReadOnlyDictionary<string, int> Plan(IReadOnlyDictionary<string, int> percentByGroup, IReadOnlyDictionary<string, string> groupByServer)
    {
        var serversPerGroup = groupByServer.Values.GroupBy(g => g, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        double Share(string group) => percentByGroup.TryGetValue(group, out var p) && serversPerGroup.TryGetValue(group, out var n) ? (double)p / n : 0;

        var largest = serversPerGroup.Keys.Select(Share).DefaultIfEmpty(0).Max();
        var plan = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (server, group) in groupByServer)
        {
            var share = Share(group);
            plan[server] = share <= 0 || largest <= 0 ? 0 : Math.Max(1, (int)Math.Round(share / largest * Max));
        }
        return plan;
    }
}
