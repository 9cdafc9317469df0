using System.Collections.Concurrent;
using System.Diagnostics;

namespace Release.Sdk.Deploy.E2E;

/// <summary>Bounded load to the app's address on 127.0.0.1: a few sequential clients, no retries, every response recorded with its time.</summary>
internal sealed class LoadGenerator : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _clients;
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(2) }) { Timeout = TimeSpan.FromSeconds(10) };

    public ConcurrentQueue<(DateTimeOffset At, int Status)> Responses { get; } = new();

    public LoadGenerator(Uri address, int clients = 3)
    {
        if (!address.IsLoopback) throw new ArgumentException("Load goes to loopback only.", nameof(address));
        _clients = Enumerable.Range(0, clients).Select(_ => Task.Run(() => RunAsync(address))).ToArray();
    }

    private async Task RunAsync(Uri address)
    {
        var deadline = Stopwatch.StartNew();
        while (!_stop.IsCancellationRequested && deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            int status;
            try
            {
                using var response = await _http.GetAsync(address, _stop.Token);
                status = (int)response.StatusCode;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException)
            {
                status = 0; // connection failure: counted, never retried
            }
            Responses.Enqueue((DateTimeOffset.UtcNow, status));
            await Task.Delay(5);
        }
    }

    public int FailuresAfter(DateTimeOffset at) => Responses.Count(r => r.At > at && r.Status != 200);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_clients);
        _http.Dispose();
        _stop.Dispose();
    }
}
