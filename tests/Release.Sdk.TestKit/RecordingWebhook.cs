using System.Collections.Concurrent;
using System.Net;

namespace Release.Sdk.TestKit;

/// <summary>A local webhook receiver on 127.0.0.1 that answers 204 and keeps the bodies.</summary>
public sealed class RecordingWebhook : IDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<string> _bodies = new();
    private readonly Thread _thread;

    public RecordingWebhook()
    {
        (_listener, _, Url) = LoopbackPorts.StartHttpListener("/hook/");
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
