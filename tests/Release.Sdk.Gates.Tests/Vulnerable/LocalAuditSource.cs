using System.Net;
using System.Text;
using Release.Sdk.TestKit;

namespace Release.Sdk.Gates.Tests.Vulnerable;

/// <summary>
/// A NuGet V3 audit source on 127.0.0.1 implementing the documented vulnerability resource
/// (learn.microsoft.com/nuget/api/vulnerability-info): a service index with a VulnerabilityInfo/6.7.0 resource, its
/// index of pages, and one page holding the public advisory for Newtonsoft.Json before 13.0.1 (GHSA-5crp-9r3c-p9vr,
/// high). The package source here has no vulnerability data, so this is how the real NuGet audit is exercised.
/// </summary>
internal sealed class LocalAuditSource : IDisposable
{
    public const string AdvisoryUrl = "https://github.com/advisories/GHSA-5crp-9r3c-p9vr";

    private readonly HttpListener _listener;
    private readonly Task _serving;
    private readonly Dictionary<string, string> _documents;
    private int _pageRequests;

    public LocalAuditSource()
    {
        var started = LoopbackPorts.StartHttpListener();
        _listener = started.Listener;
        Port = started.Port;
        var root = $"http://127.0.0.1:{Port}";
        _documents = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["/index.json"] = $$"""
                { "version": "3.0.0", "resources": [ { "@id": "{{root}}/vulnerability/index.json", "@type": "VulnerabilityInfo/6.7.0" } ] }
                """,
            ["/vulnerability/index.json"] = $$"""
                [ { "@name": "base", "@id": "{{root}}/vulnerability/base.json", "@updated": "2026-01-01T00:00:00Z" } ]
                """,
            // severity: 0 low, 1 moderate, 2 high, 3 critical
            ["/vulnerability/base.json"] = $$"""
                { "newtonsoft.json": [ { "severity": 2, "url": "{{AdvisoryUrl}}", "versions": "[, 13.0.1)" } ] }
                """,
        };
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string ServiceIndex => $"http://127.0.0.1:{Port}/index.json";

    /// <summary>How often the vulnerability page was fetched: proof that NuGet (and the gate) used this source.</summary>
    public int PageRequests => Volatile.Read(ref _pageRequests);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            var path = context.Request.Url?.AbsolutePath ?? "";
            if (path == "/vulnerability/base.json") Interlocked.Increment(ref _pageRequests);
            var found = _documents.TryGetValue(path, out var body);
            var bytes = Encoding.UTF8.GetBytes(body ?? "{}");
            context.Response.StatusCode = found ? 200 : 404;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Shutdown();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
