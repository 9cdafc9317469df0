using System.Net;
using Release.Sdk.TestKit;

namespace Release.Sdk.Gates.Tests.Analysis;

/// <summary>
/// Serves fixed files on 127.0.0.1 as a release host serves assets (GET /path → 200 with the bytes, else 404): a contract
/// test stand-in for downloading the previous release's asset.
/// </summary>
internal sealed class LocalFileServer : IDisposable
{
    private readonly HttpListener listener;
    private readonly Dictionary<string, byte[]> files;
    private readonly Task loop;

    public LocalFileServer(Dictionary<string, byte[]> files)
    {
        this.files = files;
        var started = LoopbackPorts.StartHttpListener();
        listener = started.Listener;
        BaseUrl = started.Url.TrimEnd('/');
        loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync().ConfigureAwait(false); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            using var response = context.Response;
            if (files.TryGetValue(context.Request.Url!.AbsolutePath, out var body))
            {
                response.StatusCode = 200;
                await response.OutputStream.WriteAsync(body).ConfigureAwait(false);
            }
            else
            {
                response.StatusCode = 404;
            }
        }
    }

    public void Dispose()
    {
        listener.Shutdown();
        loop.Wait(TimeSpan.FromSeconds(5));
    }
}
