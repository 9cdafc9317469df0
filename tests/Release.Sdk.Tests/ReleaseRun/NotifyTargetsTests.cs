using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Release.Sdk.Tests.ReleaseRun;

/// <summary>
/// Packed end to end: a ReleaseNotifier item and ReleaseNotifyProjectName in the project reach dotnet-release through
/// Release.Sdk.Notify.targets and the settings file, and the release run notifies a local webhook once.
/// </summary>
[Collection(PackedSdkCollection.Name)]
[Trait("Category", "E2E")]
public sealed class NotifyTargetsTests(PackedSdk sdk, ITestOutputHelper output)
{
    [Fact]
    public void ReleaseNotifierItemNotifiesTheWebhookWhenThePackReleases()
    {
        using var hook = new RecordingWebhook();
        using var sample = new ReleaseSample(sdk, output);
        sample.Consumer.WriteFile("Directory.Build.targets", $"""
            <Project>
              <PropertyGroup>
                <ReleaseNotifyProjectName>Sample App</ReleaseNotifyProjectName>
              </PropertyGroup>
              <ItemGroup>
                <ReleaseNotifier Include="ops-hook" Kind="webhook" Url="{hook.Url}" Events="release-succeeded;release-failed" Retries="0" />
              </ItemGroup>
            </Project>
            """);
        sample.Repo.Git("add", "-A");
        sample.Repo.Commit("chore: notify the ops webhook");
        sample.Repo.Git("push", "-q", "origin", "main");

        var result = sample.Pack("-p:ReleaseCreate=true");

        Assert.True(result.ExitCode == 0, sample.Explain(result));
        var body = JsonNode.Parse(Assert.Single(hook.Bodies))!;
        Assert.Equal(("release-succeeded", ReleaseSample.Version, ReleaseSample.Tag, "Sample App", "production"),
            (body["event"]!.GetValue<string>(), body["version"]!.GetValue<string>(), body["tag"]!.GetValue<string>(),
             body["project"]!.GetValue<string>(), body["environment"]!.GetValue<string>()));
        Assert.Contains("ops-hook (webhook): sent", result.Output);
    }

    /// <summary>A local webhook receiver on 127.0.0.1 that answers 204 and keeps the bodies.</summary>
    private sealed class RecordingWebhook : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentQueue<string> _bodies = new();
        private readonly Thread _thread;

        public RecordingWebhook()
        {
            using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/hook/";
                probe.Stop();
            }
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _thread = new Thread(Serve) { IsBackground = true };
            _thread.Start();
        }

        public string Url { get; }

        public IReadOnlyList<string> Bodies => _bodies.ToList();

        private void Serve()
        {
            while (_listener.IsListening)
            {
                try
                {
                    var context = _listener.GetContext();
                    using (var reader = new StreamReader(context.Request.InputStream)) _bodies.Enqueue(reader.ReadToEnd());
                    context.Response.StatusCode = 204;
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _thread.Join(TimeSpan.FromSeconds(5));
        }
    }
}
