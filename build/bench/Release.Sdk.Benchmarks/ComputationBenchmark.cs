using System.Collections;
using System.Diagnostics;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Versioning;
using Release.Sdk.Git;
using Release.Sdk.Git.History;

namespace Release.Sdk.Benchmarks;

/// <summary>
/// Times <see cref="VersionComputation.Compute"/> the way builds meet it. Prints one "name seconds" line per measure:
/// <list type="bullet">
/// <item><c>cold-process</c>: first call in this fresh process with the on-disk history cache deleted (JIT, libgit2 load, full walk).</item>
/// <item><c>cold-cache</c>: median of later calls with the in-memory and on-disk caches dropped before each (JIT warm).</item>
/// <item><c>warm-file</c>: median of calls with only the in-memory caches dropped (what a new build process finds).</item>
/// <item><c>warm</c>: median of calls with every cache warm (a reused MSBuild node or IDE).</item>
/// <item><c>warm-process</c> (with <c>--keep-cache</c>): first call in a fresh process, on-disk cache present.</item>
/// <item>with <c>--phases</c>: where the time of each of those goes (see <see cref="PhaseBreakdown"/>).</item>
/// </list>
/// </summary>
internal static class ComputationBenchmark
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var repo = Option(args, "--repo") ?? Directory.GetCurrentDirectory();
        var runs = int.Parse(Option(args, "--runs") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
        var keepCache = args.Contains("--keep-cache");
        var environment = Environment.GetEnvironmentVariables()
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);
        var cacheDirectory = CacheDirectory(repo);

        try
        {
            if (Option(args, "--repeat-warm-file") is { } repeat)
            {
                // For a profiler: what a new build process does with the on-disk cache, many times over.
                var n = int.Parse(repeat, System.Globalization.CultureInfo.InvariantCulture);
                output.WriteLine($"warm-file x{n} {Seconds(Median(n, HistoryCaches.Clear, repo, environment))} (median)");
                return 0;
            }
            if (args.Contains("--open-steps"))
            {
                OpenSteps.Write(repo, output);
                return 0;
            }
            if (args.Contains("--phases-once"))
            {
                // What a new build process meets after a commit: whatever the on-disk cache holds, nothing in memory.
                PhaseBreakdown.Write(repo, environment, "this-process", output);
                return 0;
            }
            if (args.Contains("--phases"))
            {
                // Same order as a cold build then a warm build: cache deleted, then found on disk, then in memory.
                DeleteDirectory(cacheDirectory);
                PhaseBreakdown.Write(repo, environment, "cold-process", output);
                HistoryCaches.Clear();
                DeleteDirectory(cacheDirectory);
                PhaseBreakdown.Write(repo, environment, "cold-cache", output);
                HistoryCaches.Clear();
                PhaseBreakdown.Write(repo, environment, "warm-file", output);
                PhaseBreakdown.Write(repo, environment, "warm", output);
                return 0;
            }
            if (args.Contains("--cold-only"))
            {
                // One more fresh-process sample: a single first call is as noisy as the machine, so the harness takes several.
                DeleteDirectory(cacheDirectory);
                output.WriteLine($"cold-process {Seconds(Time(repo, environment).Elapsed)}");
                return 0;
            }
            if (keepCache)
            {
                var (first, decision) = Time(repo, environment);
                output.WriteLine($"warm-process {Seconds(first)}");
                output.WriteLine($"version {decision.BuildVersion}");
                return 0;
            }

            DeleteDirectory(cacheDirectory);
            var (cold, coldDecision) = Time(repo, environment);
            output.WriteLine($"cold-process {Seconds(cold)}");
            output.WriteLine($"version {coldDecision.BuildVersion}");
            output.WriteLine($"commits {coldDecision.CommitCount}");

            output.WriteLine($"cold-cache {Seconds(Median(runs, () =>
            {
                HistoryCaches.Clear();
                DeleteDirectory(cacheDirectory);
            }, repo, environment))}");
            output.WriteLine($"warm-file {Seconds(Median(runs, HistoryCaches.Clear, repo, environment))}");
            output.WriteLine($"warm {Seconds(Median(runs, () => { }, repo, environment))}");
            return 0;
        }
        catch (Exception e)
        {
            // The harness shows this line in the table cell, so keep it to the point.
            error.WriteLine($"error: {e.GetType().Name}: {e.Message}");
            return 1;
        }
    }

    private static (TimeSpan Elapsed, VersionDecision Decision) Time(string repo, IReadOnlyDictionary<string, string?> environment)
    {
        var stopwatch = Stopwatch.StartNew();
        var decision = VersionComputation.Compute(repo, ReleaseConfigOverrides.None, null, environment, deepenShallowClone: false);
        return (stopwatch.Elapsed, decision);
    }

    private static TimeSpan Median(int runs, Action before, string repo, IReadOnlyDictionary<string, string?> environment)
    {
        var samples = new List<TimeSpan>();
        for (var i = 0; i < Math.Max(1, runs); i++)
        {
            before();
            samples.Add(Time(repo, environment).Elapsed);
        }
        samples.Sort();
        return samples[samples.Count / 2];
    }

    private static string CacheDirectory(string repo)
    {
        var gitDirectory = Path.Combine(repo, ".git");
        return Path.GetDirectoryName(CommitStoreFile.PathFor(gitDirectory))!;
    }

    private static void DeleteDirectory(string path)
    {
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
