using System.Text.Json.Serialization;

namespace Release.Sdk.Deploy.Adapters.Routing;

/// <summary>The router's admin API shapes (mirrors src/Release.Sdk.Router/AdminContracts.cs; camelCase on the wire).</summary>
internal static class RouterContracts
{
    public sealed record DestinationRequest(string Group, string Version, string Address);

    public sealed record DestinationStats(
        string Name, string Group, string Version, string Address, int Weight, bool Healthy, bool Draining,
        long Requests, long Errors5xx, long ConnectionFailures, long InFlight, double LatencySumSeconds,
        List<LatencyBucket> LatencyBuckets);

    public sealed record LatencyBucket(string Le, long Count);

    public sealed record StatsResponse(DateTimeOffset At, Dictionary<string, int> Weights, List<DestinationStats> Destinations);

    public sealed record DrainResponse(string Name, long InFlight, bool Drained);

    public sealed record RouterInfo(int Pid, string ProxyUrl, string AdminUrl, DateTimeOffset StartedAt);
}

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(RouterContracts.DestinationRequest))]
[JsonSerializable(typeof(RouterContracts.StatsResponse))]
[JsonSerializable(typeof(RouterContracts.DrainResponse))]
[JsonSerializable(typeof(RouterContracts.RouterInfo))]
[JsonSerializable(typeof(Dictionary<string, int>))]
[JsonSerializable(typeof(LocalRouterProcess))]
[JsonSerializable(typeof(Haproxy.HaproxyState))]
[JsonSerializable(typeof(Workloads.InstanceRecord))]
internal sealed partial class AdaptersJson : JsonSerializerContext;
