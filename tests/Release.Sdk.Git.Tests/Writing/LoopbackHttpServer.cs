using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Release.Sdk.Git.Tests.Writing;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 that either answers every request with 401 (recording the request headers) or
/// accepts connections and never answers (to run git into its time limit).
/// </summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _requests = [];
    private readonly List<TcpClient> _held = [];
    private readonly bool _answer;

    private LoopbackHttpServer(bool answer)
    {
        _answer = answer;
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public static LoopbackHttpServer Unauthorized() => new(answer: true);

    public static LoopbackHttpServer Silent() => new(answer: false);

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/acme/tool.git";

    public IReadOnlyList<string> Requests
    {
        get { lock (_requests) return _requests.ToList(); }
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            if (!_answer)
            {
                lock (_held) _held.Add(client);
                continue;
            }
            using (client)
            {
                try { await AnswerUnauthorizedAsync(client.GetStream()); }
                catch (Exception e) when (e is IOException or OperationCanceledException) { }
            }
        }
    }

    private async Task AnswerUnauthorizedAsync(NetworkStream stream)
    {
        var request = new StringBuilder();
        var buffer = new byte[4096];
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0) break;
            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        lock (_requests) _requests.Add(request.ToString());
        var response = "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response), _stop.Token);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_held) foreach (var client in _held) client.Dispose();
        _stop.Dispose();
    }
}
