using System.Collections.Concurrent;

namespace Release.Sdk.Router;

/// <summary>Cumulative per-destination counters since the router started (Prometheus semantics: never reset).</summary>
internal sealed class ProxyMetrics
{
    /// <summary>Latency bucket upper bounds in seconds (Prometheus' default buckets); +Inf is implied.</summary>
    public static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly ConcurrentDictionary<string, DestinationCounters> _counters = new(StringComparer.Ordinal);

    public DestinationCounters For(string destination) => _counters.GetOrAdd(destination, _ => new DestinationCounters());

    public bool TryGet(string destination, out DestinationCounters counters) => _counters.TryGetValue(destination, out counters!);

    internal sealed class DestinationCounters
    {
        private readonly long[] _buckets = new long[Buckets.Length + 1];
        private long _requests;
        private long _errors5xx;
        private long _connectionFailures;
        private long _latencyTicks;

        public long Requests => Interlocked.Read(ref _requests);

        public long Errors5xx => Interlocked.Read(ref _errors5xx);

        public long ConnectionFailures => Interlocked.Read(ref _connectionFailures);

        public double LatencySumSeconds => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks)).TotalSeconds;

        public void RecordResponse(int statusCode, TimeSpan elapsed)
        {
            Interlocked.Increment(ref _requests);
            if (statusCode >= 500) Interlocked.Increment(ref _errors5xx);
            Interlocked.Add(ref _latencyTicks, elapsed.Ticks);
            var seconds = elapsed.TotalSeconds;
            var index = Array.FindIndex(Buckets, bound => seconds <= bound);
            Interlocked.Increment(ref _buckets[index < 0 ? Buckets.Length : index]);
        }

        public void RecordConnectionFailure() => Interlocked.Increment(ref _connectionFailures);

        /// <summary>Cumulative histogram: (upper bound, requests at or below it), last bound +Inf.</summary>
        public IReadOnlyList<KeyValuePair<double, long>> CumulativeBuckets()
        {
            var result = new List<KeyValuePair<double, long>>(_buckets.Length);
            long running = 0;
            for (var i = 0; i < _buckets.Length; i++)
            {
                running += Interlocked.Read(ref _buckets[i]);
                result.Add(new(i < Buckets.Length ? Buckets[i] : double.PositiveInfinity, running));
            }
            return result;
        }
    }
}
