using System.Diagnostics;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Versioning;
using Release.Sdk.Git;

namespace Release.Sdk.Benchmarks;

/// <summary>
/// Where one computation spends its time: the steps of <see cref="VersionComputation.Compute"/> done one by one
/// (open, config, CI, engine) with every history call timed, so the engine's own share is what is left.
/// </summary>
internal static class PhaseBreakdown
{
    public static void Write(string repo, IReadOnlyDictionary<string, string?> environment, string label, TextWriter output)
    {
        var total = Stopwatch.StartNew();
        var step = Stopwatch.StartNew();
        using var history = GitRepositoryHistory.Open(repo) ?? throw new InvalidOperationException($"no git repository at {repo}");
        var open = step.Elapsed;

        step.Restart();
        var timed = new TimedHistory(history);
        var workingDirectory = timed.State.WorkingDirectory;
        var config = ReleaseConfigLoader.Load(workingDirectory, null, ReleaseConfigOverrides.None);
        var ci = CiContext.Detect(environment);
        var configuration = step.Elapsed - timed.Total;

        step.Restart();
        var before = timed.Total;
        VersionEngine.Decide(timed, config, ci);
        var decide = step.Elapsed;
        var inHistory = timed.Total - before;

        step.Restart();
        history.Dispose();   // persists the history cache
        var dispose = step.Elapsed;

        output.WriteLine($"phases {label}: total {Ms(total.Elapsed)}; open {Ms(open)}; config+ci {Ms(configuration)}; " +
                         $"engine (excl. history) {Ms(decide - inHistory)}; dispose/save cache {Ms(dispose)}; " +
                         $"commits read from git {history.CommitsReadFromGit}");
        // The collector's share: full collections mark every commit read so far, so they grow with the history.
        output.WriteLine($"phases {label}:   gc collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen0/1/2 since the process began), " +
                         $"pauses {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms, allocated {GC.GetTotalAllocatedBytes() / 1048576} MiB");
        foreach (var (member, (elapsed, calls)) in timed.Spent.OrderByDescending(s => s.Value.Elapsed))
            output.WriteLine($"phases {label}:   history.{member} {Ms(elapsed)} ({calls} call(s))");
        foreach (var (member, (elapsed, calls)) in timed.CacheSpent.OrderByDescending(s => s.Value.Elapsed))
            output.WriteLine($"phases {label}:   (in engine) cache.{member} {Ms(elapsed)} ({calls} call(s))");
    }

    private static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:0.0} ms";
}
