using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Release.Sdk.TestKit;

namespace Release.Sdk.Notify.Tests.Servers;

/// <summary>One request as the capture server saw it.</summary>
internal sealed record CapturedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("empty body");

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>What the capture server answers; <see cref="Delay"/> simulates a hung service.</summary>
internal sealed record CannedResponse(int Status = 200, string Body = "ok", string ContentType = "text/plain")
{
    public TimeSpan Delay { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static CannedResponse Json(string body, int status = 200) => new(status, body, "application/json");
}

/// <summary>
/// A local HTTP server on 127.0.0.1 standing in for an out-of-reach service (Slack, Teams, PagerDuty, Statuspage) in
/// contract tests: it records every request and answers what <c>respond</c> says (given the request and its 0-based
/// index), so tests assert the documented wire shapes and inject 4xx/5xx/slow answers.
/// </summary>
internal sealed class CaptureServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<CapturedRequest, int, CannedResponse> _respond;
    private readonly ConcurrentQueue<CapturedRequest> _requests = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _count;

    public CaptureServer(Func<CapturedRequest, int, CannedResponse>? respond = null)
    {
        _respond = respond ?? ((_, _) => new CannedResponse());
        var started = LoopbackPorts.StartHttpListener();
        _listener = started.Listener;
        Port = started.Port;
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public IReadOnlyList<CapturedRequest> Requests => _requests.ToList();

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
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
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync().ConfigureAwait(false);
            var headers = context.Request.Headers.AllKeys.OfType<string>()
                .ToDictionary(k => k, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            var request = new CapturedRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, headers, body);
            _requests.Enqueue(request);
            var response = _respond(request, Interlocked.Increment(ref _count) - 1);
            if (response.Delay > TimeSpan.Zero) await Task.Delay(response.Delay, _stop.Token).ConfigureAwait(false);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            foreach (var (name, value) in response.Headers) context.Response.Headers[name] = value;
            var bytes = Encoding.UTF8.GetBytes(response.Body);
            await context.Response.OutputStream.WriteAsync(bytes, _stop.Token).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException or InvalidOperationException)
        {
            // The client gave up (a timeout test) or the server is stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Shutdown();
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
