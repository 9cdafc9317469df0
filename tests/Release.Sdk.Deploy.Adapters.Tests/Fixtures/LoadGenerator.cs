using System.Diagnostics;

namespace Release.Sdk.Deploy.Adapters.Tests.Fixtures;

/// <summary>One request's outcome: when it started (Stopwatch ticks), who answered (X-Backend / X-Version) and whether it failed.</summary>
internal sealed record LoadResult(long Started, long Finished, int Status, string? Backend, string? Version, string? Error)
{
    public bool Failed => Error is not null || Status != 200;
}

/// <summary>
/// Bounded load that never retries: a fixed number of workers send GETs back to back until stopped or until
/// <c>maxRequests</c> were sent. Every request uses a fresh connection (Connection: close), so HttpClient's transparent
/// retry of a failed pooled connection cannot hide a failure.
/// </summary>
internal sealed class LoadGenerator : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly Uri _target;
    private readonly int _concurrency;
    private readonly int _maxRequests;
    private readonly TimeSpan _pace;
    private readonly List<LoadResult> _results = [];
    private readonly CancellationTokenSource _stop = new();
    private Task[] _workers = [];
    private int _sent;

    /// <param name="requestsPerSecond">Caps the total rate (0 = as fast as answered), so long scenarios stay within the request budget.</param>
    public LoadGenerator(Uri target, int concurrency = 4, int maxRequests = 10_000, int requestsPerSecond = 0)
    {
        _pace = requestsPerSecond > 0 ? TimeSpan.FromSeconds((double)concurrency / requestsPerSecond) : TimeSpan.Zero;
        _target = target;
        _concurrency = concurrency;
        _maxRequests = maxRequests;
        _client = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.Zero }) { Timeout = TimeSpan.FromSeconds(10) };
    }

    public int Concurrency => _concurrency;

    public static long Now => Stopwatch.GetTimestamp();

    public static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    public void Start() => _workers = [.. Enumerable.Range(0, _concurrency).Select(_ => Task.Run(WorkAsync))];

    public IReadOnlyList<LoadResult> Results
    {
        get
        {
            lock (_results) return [.. _results];
        }
    }

    /// <summary>Waits until <paramref name="count"/> requests that started after <paramref name="since"/> have finished; returns them.</summary>
    public async Task<IReadOnlyList<LoadResult>> WaitForAsync(long since, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var after = Results.Where(r => r.Started >= since).OrderBy(r => r.Started).ToList();
            if (after.Count >= count) return after.Take(count).ToList();
            if (DateTime.UtcNow > deadline || _workers.All(w => w.IsCompleted))
                throw new TimeoutException($"Only {after.Count} of {count} requests finished (sent {_sent} of at most {_maxRequests}).");
            await Task.Delay(20);
        }
    }

    public async Task<IReadOnlyList<LoadResult>> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
        return Results;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _client.Dispose();
        _stop.Dispose();
    }

    private async Task WorkAsync()
    {
        while (!_stop.IsCancellationRequested && Interlocked.Increment(ref _sent) <= _maxRequests)
        {
            var started = Now;
            LoadResult result;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, _target);
                request.Headers.ConnectionClose = true;
                using var response = await _client.SendAsync(request);
                await response.Content.ReadAsStringAsync();
                result = new LoadResult(started, Now, (int)response.StatusCode,
                    response.Headers.TryGetValues("X-Backend", out var b) ? b.First() : null,
                    response.Headers.TryGetValues("X-Version", out var v) ? v.First() : null, null);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                result = new LoadResult(started, Now, 0, null, null, e.GetType().Name + ": " + e.Message);
            }
            lock (_results) _results.Add(result);
            var wait = _pace - TimeSpan.FromSeconds((double)(Now - started) / Stopwatch.Frequency);
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
        }
    }
}
