using System.Text.Json.Serialization;
using Release.Sdk.Router;

namespace Release.Sdk.Deploy.Adapters.Routing;

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(AdminContracts.DestinationRequest))]
[JsonSerializable(typeof(AdminContracts.StatsResponse))]
[JsonSerializable(typeof(AdminContracts.DrainResponse))]
[JsonSerializable(typeof(AdminContracts.RouterInfo))]
[JsonSerializable(typeof(Dictionary<string, int>))]
[JsonSerializable(typeof(LocalRouterProcess))]
[JsonSerializable(typeof(Haproxy.HaproxyState))]
[JsonSerializable(typeof(Workloads.InstanceRecord))]
internal sealed partial class AdaptersJson : JsonSerializerContext;
