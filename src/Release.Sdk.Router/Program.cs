using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Release.Sdk.Router;
using Yarp.ReverseProxy.LoadBalancing;

// Two listeners in one process: the proxy (the app's public address) and the admin API (127.0.0.1 only, bearer token).
RouterOptions options;
try
{
    options = RouterOptions.Parse(args, Environment.GetEnvironmentVariable);
}
catch (Exception e) when (e is ArgumentException or IOException or FormatException or UnauthorizedAccessException)
{
    await Console.Error.WriteLineAsync($"release-sdk-router: {e.Message}");
    return 2;
}

Directory.CreateDirectory(options.StateDirectory);
var table = new RouteTable(options.StateDirectory);
var metrics = new ProxyMetrics();

var proxyBuilder = WebApplication.CreateSlimBuilder();
proxyBuilder.WebHost.UseUrls(options.ProxyUrl);
proxyBuilder.Logging.SetMinimumLevel(LogLevel.Warning);
// A dead backend fails every probe; its state is in /admin/stats and /metrics, not one stack trace per second.
proxyBuilder.Logging.AddFilter("Yarp.ReverseProxy.Health", LogLevel.Error);
proxyBuilder.Services.AddSingleton(options);
proxyBuilder.Services.AddSingleton(table);
proxyBuilder.Services.AddSingleton(metrics);
proxyBuilder.Services.AddSingleton(TimeProvider.System);
proxyBuilder.Services.AddSingleton<WeightedSelector>();
proxyBuilder.Services.AddSingleton<ILoadBalancingPolicy, WeightedLoadBalancingPolicy>();
proxyBuilder.Services.AddSingleton<ProxyPipeline>();
proxyBuilder.Services.AddSingleton<RouterStatsBuilder>();
proxyBuilder.Services.AddReverseProxy().LoadFromMemory(YarpConfig.Routes, YarpConfig.Clusters(table.Current, options));
var proxy = proxyBuilder.Build();
var pipeline = proxy.Services.GetRequiredService<ProxyPipeline>();
proxy.MapReverseProxy(p =>
{
    p.Use(pipeline.RetryRefusedConnectionsAsync);
    p.UseLoadBalancing();
    p.Use(pipeline.MeasureAsync);
    p.UsePassiveHealthChecks();
});

var adminBuilder = WebApplication.CreateSlimBuilder();
adminBuilder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.AdminPort));
adminBuilder.Logging.SetMinimumLevel(LogLevel.Warning);
adminBuilder.Services.ConfigureHttpJsonOptions(j => j.SerializerOptions.TypeInfoResolverChain.Insert(0, RouterJson.Default));
var admin = adminBuilder.Build();
admin.Use(new AdminAuthentication(options.Token).RequireTokenAsync);

AdminContracts.RouterInfo? info = null;
AdminApi.Map(admin, proxy, table, options, () => info!);

await proxy.StartAsync();
await admin.StartAsync();
info = new AdminContracts.RouterInfo(
    Environment.ProcessId,
    proxy.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First(),
    admin.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First(),
    DateTimeOffset.UtcNow);

// Written last and atomically: its presence means "listening", which is what LocalRouter waits for.
var infoFile = Path.Combine(options.StateDirectory, "router.json");
await File.WriteAllTextAsync(infoFile + ".tmp", JsonSerializer.Serialize(info, RouterJson.Default.RouterInfo));
File.Move(infoFile + ".tmp", infoFile, overwrite: true);

await Task.WhenAny(proxy.WaitForShutdownAsync(), admin.WaitForShutdownAsync());
File.Delete(infoFile);
await admin.StopAsync();
await proxy.StopAsync();
return 0;
