using System.Net;
using System.Net.Sockets;
using Release.Sdk.TestKit;

namespace Release.Sdk.Gates.Tests.Analysis;

/// <summary>
/// Serves fixed files on 127.0.0.1 as a release host serves assets (GET /path → 200 with the bytes, else 404): a contract
/// test stand-in for downloading the previous release's asset.
/// </summary>
internal sealed class LocalFileServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Dictionary<string, byte[]> files;
    private readonly Task loop;

    public LocalFileServer(Dictionary<string, byte[]> files)
    {
        this.files = files;
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add(BaseUrl + "/");
        listener.Start();
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

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        listener.Shutdown();
        loop.Wait(TimeSpan.FromSeconds(5));
    }
}
