using System.Diagnostics;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Analysis;
using Release.Sdk.Gates.Baselines;

namespace Release.Sdk.Gates.Benchmark;

/// <summary>
/// Benchmark regression gate ("benchmark"). Optionally runs a BenchmarkDotNet project (Project, Arguments), reads the
/// JSON results (Results: a report or a directory of them), compares them with the previous release's (Baseline: a file,
/// an http(s) URL, or git:{PreviousTag}:path) and fails on significant regressions over Threshold % (default 20).
/// The merged current results are written to the gate's output directory as benchmark-report-full.json: attach that
/// file to the release (ReleaseAsset) and the next release's gate can use its URL as Baseline.
/// </summary>
internal sealed class BenchmarkGate(string name) : IReleaseGate
{
    public const string MergedReportFileName = "benchmark-report-full.json";

    public string Name { get; } = name;

    public async Task<GateResult> RunAsync(GateContext context, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        GateVerdict verdict;
        try
        {
            verdict = await EvaluateAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (ReleaseException e)
        {
            verdict = GateVerdict.CannotRun($"{e.Descriptor.Code}: {e.Message}", "Fix the cause above; a gate that cannot run blocks the release.");
        }
        return verdict.ToResult(Name, GateKinds.Benchmark, stopwatch.Elapsed);
    }

    private async Task<GateVerdict> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        var threshold = context.Number(Name, "Threshold", 20, 0, 10_000);
        var alpha = context.Number(Name, "Alpha", 0.05, 1e-9, 0.5);
        Directory.CreateDirectory(context.OutputDirectory);

        string resultsPath;
        if (context.ExpandedPath("Project") is { } project)
        {
            var artifacts = Path.Combine(context.OutputDirectory, "artifacts");
            if (Directory.Exists(artifacts)) Directory.Delete(artifacts, recursive: true); // an earlier run's results must not mix in
            var run = await RunBenchmarksAsync(context, project, artifacts, cancellationToken).ConfigureAwait(false);
            if (run is not null) return run;
            resultsPath = Path.Combine(artifacts, "results");
        }
        else
        {
            resultsPath = context.ExpandedPath("Results") ?? Path.Combine(context.ProjectDirectory(), "BenchmarkDotNet.Artifacts", "results");
        }

        var currentFiles = BenchmarkReports.Files(resultsPath);
        if (currentFiles.Count == 0)
            return GateVerdict.CannotRun($"no BenchmarkDotNet JSON report at '{resultsPath}'",
                "Run the benchmarks with '--exporters json' first, or set the gate's Project so it runs them, or point Results at the *-report-full*.json file.");
        var current = BenchmarkReports.Read(currentFiles);
        var merged = Path.Combine(context.OutputDirectory, MergedReportFileName);
        BenchmarkReports.WriteMerged(currentFiles, merged);

        if (context.Release is { PreviousVersion: null })
        {
            return new GateVerdict(GateStatus.Warn, $"first release: no baseline to compare {current.Samples.Count} benchmarks with", [],
                [], $"Attach {merged} to this release (ReleaseAsset) so the next release compares against it.");
        }

        var baselinePath = await BaselineLocator.LocateAsync(context, Name, "Baseline", cancellationToken).ConfigureAwait(false);
        var baseline = BenchmarkReports.Read(BenchmarkReports.Files(baselinePath));
        context.Log($"{Name}: comparing {current.Samples.Count} benchmarks with {baselinePath}");
        var comparisons = BenchmarkComparer.Compare(baseline.Samples, current.Samples, threshold, alpha);
        return BenchmarkEvaluator.Evaluate(comparisons, current.Failed, threshold, alpha);
    }

    private async Task<GateVerdict?> RunBenchmarksAsync(GateContext context, string project, string artifacts, CancellationToken cancellationToken)
    {
        var extra = (context.Setting("Arguments") ?? "--filter *").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        List<string> arguments = ["run", "-c", context.Setting("Configuration") ?? "Release", "--project", project, "--", .. extra, "--exporters", "json", "--artifacts", artifacts];
        context.Log($"{Name}: dotnet {string.Join(' ', arguments)}");
        var result = await context.Processes.RunAsync("dotnet", arguments, context.ProjectDirectory(), context.Environment,
            Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(context.OutputDirectory, "benchmark.log"), result.StandardOutput + result.StandardError, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded) return null;
        var why = result.StartFailure ?? (result.TimedOut ? "it timed out" : $"it exited with {result.ExitCode}");
        return GateVerdict.CannotRun($"running the benchmarks ({project}) failed: {why}",
            $"See {Path.Combine(context.OutputDirectory, "benchmark.log")}; the project must be a BenchmarkDotNet console app using BenchmarkSwitcher/BenchmarkRunner with args.");
    }
}
