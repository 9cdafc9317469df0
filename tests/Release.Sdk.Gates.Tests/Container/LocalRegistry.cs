using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Release.Sdk.TestKit;

namespace Release.Sdk.Gates.Tests.Container;

/// <summary>
/// Debian's docker-registry (the CNCF distribution registry) on 127.0.0.1 with storage in a temp folder, holding the
/// minimal base image pushed over the registry HTTP API. The container gate pulls its base image from here. Started
/// again on a fresh port when its port was taken after it was probed (it exits at once then: a cheap retry).
/// </summary>
internal sealed class LocalRegistry : IDisposable
{
    public const string Program = "docker-registry";

    private readonly ServerProcess _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };

    private LocalRegistry(string workDirectory)
    {
        Port = LoopbackPorts.Free();
        var config = Path.Combine(workDirectory, "registry.yml");
        File.WriteAllText(config, $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {Path.Combine(workDirectory, "registry-data")}
            http:
              addr: 127.0.0.1:{Port}
            """);
        var start = new ProcessStartInfo(Program);
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);
        _process = new ServerProcess(start);
    }

    public int Port { get; }

    public string Host => $"127.0.0.1:{Port}";

    /// <summary>The registry started and answering on a free port.</summary>
    public static Task<LocalRegistry> StartAsync(string workDirectory) =>
        LoopbackPorts.RetryOnTakenPortAsync(Program, async () =>
        {
            var registry = new LocalRegistry(workDirectory);
            if (await registry.WaitUntilReadyAsync()) return registry;
            registry.Dispose();
            return null;
        });

    /// <summary>True once the registry answers; false when it exited because its port was taken.</summary>
    private async Task<bool> WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var response = await _http.GetAsync($"http://{Host}/v2/");
                if (response.IsSuccessStatusCode) return true;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
            }
            if (_process.ExitedBecausePortTaken()) return false;
            if (DateTime.UtcNow >= deadline || _process.HasExited)
                throw new InvalidOperationException($"{Program} did not answer on {Host} (exited: {_process.HasExited}):\n{_process.Output}");
            await Task.Delay(200);
        }
    }

    /// <summary>Pushes blobs (monolithic upload: POST then PUT ?digest=) and the manifest under repository:tag.</summary>
    public async Task PushAsync(string repository, string tag, OciImage image)
    {
        foreach (var blob in new[] { image.Layer, image.Config })
        {
            using var started = await _http.PostAsync($"http://{Host}/v2/{repository}/blobs/uploads/", null);
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            var location = new Uri(new Uri($"http://{Host}"), started.Headers.Location!);
            var separator = location.Query.Length > 0 ? "&" : "?";
            using var content = new ByteArrayContent(blob);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var put = await _http.PutAsync($"{location}{separator}digest={OciImage.Digest(blob)}", content);
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }
        using var manifest = new ByteArrayContent(image.Manifest);
        manifest.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.oci.image.manifest.v1+json");
        using var pushed = await _http.PutAsync($"http://{Host}/v2/{repository}/manifests/{tag}", manifest);
        Assert.Equal(HttpStatusCode.Created, pushed.StatusCode);
    }

    public void Dispose()
    {
        _http.Dispose();
        _process.Dispose();
    }
}
