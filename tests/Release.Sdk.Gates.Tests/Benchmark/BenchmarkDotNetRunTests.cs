using Release.Sdk.Gates.Benchmark;
using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Tests.Analysis;

namespace Release.Sdk.Gates.Tests.Benchmark;

/// <summary>
/// One real BenchmarkDotNet 0.15.8 run of samples/analysis-gates/benchmarks through the gate (in-process toolchain, 1
/// warmup + 8 iterations, so it stays short): the first release has no baseline (warn) and leaves its merged report;
/// the next run, ten times the work (SAMPLE_SLOWDOWN=10), fails against it. Timings taken while other tests build are
/// noisy (the gate then rightly says "not significant"), so this class runs alone, after the parallel ones, and the
/// slowdown is far beyond any load noise.
/// </summary>
[Trait("Category", "E2E")]
[Collection(nameof(BenchmarkDotNetRunTests))]
public sealed class BenchmarkDotNetRunTests(BenchmarkDotNetRunTests.Runs runs) : IClassFixture<BenchmarkDotNetRunTests.Runs>
{
    [Fact]
    public void The_first_release_reads_the_real_report_and_warns_that_there_is_no_baseline()
    {
        Assert.True(runs.First.Status == GateStatus.Warn, AnalysisContexts.Describe(runs.First));
        var report = BenchmarkReportParser.Parse(File.ReadAllText(runs.FirstReport), runs.FirstReport);
        var sample = Assert.Single(report.Samples);
        Assert.Equal("Sample.Benchmarks.Checksum.Fletcher16", sample.Name);
        // 8 iterations, less the upper outliers BenchmarkDotNet removes from the statistics (one was, in a CI run).
        Assert.InRange(sample.N, 5, 8);
        Assert.True(sample.HasSpread && sample.Mean > 0, $"mean {sample.Mean} ns, variance {sample.Variance}");
    }

    [Fact]
    public void Ten_times_the_work_fails_against_the_previous_release()
    {
        Assert.True(runs.Slower.Status == GateStatus.Fail, AnalysisContexts.Describe(runs.Slower));
        var finding = Assert.Single(runs.Slower.Findings);
        Assert.Equal("regression", finding.Rule);
        Assert.StartsWith("Sample.Benchmarks.Checksum.Fletcher16:", finding.Message, StringComparison.Ordinal);
    }

    public sealed class Runs : IDisposable
    {
        private const string Arguments = "--filter * --inProcess --warmupCount 1 --iterationCount 8 --launchCount 1";

        private readonly SampleWorkspace workspace = new("benchmarks");

        public Runs()
        {
            var first = Context(new GateRelease("1.0.0", null, null, "minor"), new Dictionary<string, string>(), slowdown: null);
            First = new BenchmarkGate("benchmark").RunAsync(first, default).GetAwaiter().GetResult();
            FirstReport = Path.Combine(workspace.Root, "release-1.0.0-" + BenchmarkGate.MergedReportFileName);
            File.Copy(Path.Combine(first.OutputDirectory, BenchmarkGate.MergedReportFileName), FirstReport);

            var next = Context(new GateRelease("1.1.0", "1.0.0", "v1.0.0", "minor"), new Dictionary<string, string> { ["Baseline"] = FirstReport }, slowdown: "10");
            Slower = new BenchmarkGate("benchmark").RunAsync(next, default).GetAwaiter().GetResult();
        }

        internal GateResult First { get; }

        public string FirstReport { get; }

        internal GateResult Slower { get; }

        private GateContext Context(GateRelease release, Dictionary<string, string> settings, string? slowdown)
        {
            settings["Project"] = "benchmarks/Sample.Benchmarks.csproj";
            settings["Arguments"] = Arguments;
            return AnalysisContexts.Create(workspace.Root, workspace.Project, settings, release,
                new Dictionary<string, string?> { ["SAMPLE_SLOWDOWN"] = slowdown });
        }

        public void Dispose() => workspace.Dispose();
    }
}

/// <summary>Measurements need a quiet machine: no other test of this assembly runs beside them.</summary>
[CollectionDefinition(nameof(BenchmarkDotNetRunTests), DisableParallelization = true)]
public sealed class BenchmarkDotNetRunCollection;
