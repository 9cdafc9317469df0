using System.Collections.Concurrent;
using System.Net;

namespace Release.Sdk.TestKit;

/// <summary>A local webhook receiver on 127.0.0.1 that answers 204 and keeps the bodies.</summary>
public sealed class RecordingWebhook : IDisposable
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
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        _listener.Shutdown();
        _thread.Join(TimeSpan.FromSeconds(5));
    }
}
