using System.Diagnostics;
using System.Text.Json;
using Release.Sdk.TestKit;

namespace Release.Sdk.Deploy.Adapters.Tests.Fixtures;

/// <summary>
/// A real Prometheus (Debian package) started for one test: scrape_interval 1s, one job scraping a bearer-protected
/// /metrics, its own TSDB directory and a free loopback port (started again on a fresh one when that port was taken after
/// it was probed: Prometheus exits at once then). Readiness and the first scrape are polled, never slept.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    private readonly ServerProcess _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private PrometheusServer(ProcessStartInfo start, Uri address)
    {
        _process = new ServerProcess(start);
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<PrometheusServer> StartAsync(string binary, string directory, Uri target, string tokenFile)
    {
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: router
                metrics_path: /metrics
                authorization:
                  type: Bearer
                  credentials_file: {tokenFile}
                static_configs:
                  - targets: ["{target.Authority}"]
            """);
        var server = await LoopbackPorts.RetryOnTakenPortAsync("prometheus", async () =>
        {
            var port = LoopbackPorts.Free();
            var start = new ProcessStartInfo(binary);
            foreach (var a in new[] { $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(directory, "data")}", $"--web.listen-address=127.0.0.1:{port}" })
                start.ArgumentList.Add(a);
            var started = new PrometheusServer(start, new Uri($"http://127.0.0.1:{port}/"));
            try
            {
                await started.WaitAsync(async () => (await started._http.GetAsync(new Uri(started.Address, "-/ready"))).IsSuccessStatusCode, "ready");
                return started;
            }
            catch (InvalidOperationException) when (started._process.ExitedBecausePortTaken())
            {
                await started.DisposeAsync();
                return null;
            }
        });
        await server.WaitAsync(async () =>
        {
            using var json = JsonDocument.Parse(await server._http.GetStringAsync(new Uri(server.Address, "api/v1/query?query=" + Uri.EscapeDataString("up{job=\"router\"} == 1"))));
            return json.RootElement.GetProperty("data").GetProperty("result").GetArrayLength() == 1;
        }, "scraping the router (up == 1)");
        return server;
    }

    public async Task WaitAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"prometheus exited with {_process.ExitCode} before {what}");
            try
            {
                if (await condition()) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"prometheus: not {what} within {seconds} s");
    }

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
