using System.Text;
using Release.Sdk.Gates.Benchmark;
using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Tests.Analysis;
using Release.Sdk.TestKit;
using static Release.Sdk.Gates.Tests.Benchmark.StatisticsTests;

namespace Release.Sdk.Gates.Tests.Benchmark;

/// <summary>The gate on result files: where it finds the current results and the baseline, and what it writes for the next release.</summary>
public sealed class BenchmarkGateTests
{
    private static readonly GateRelease Minor = new("1.3.0", "1.2.0", "v1.2.0", "minor");

    [Fact]
    public async Task Noise_only_passes_and_writes_the_merged_report_for_the_next_release()
    {
        using var dir = new TempDirectory();
        dir.File("results/Parsing-report-full-compressed.json", BenchmarkJson.Report(("Parsing.Parse", Noise)));
        dir.File("results/Hashing-report-full-compressed.json", BenchmarkJson.Report(("Hashing.Sum", Noise)));
        dir.File("baseline.json", BenchmarkJson.Report(("Parsing.Parse", Baseline), ("Hashing.Sum", Baseline)));

        var result = await Run(dir, new() { ["Results"] = "results", ["Baseline"] = "baseline.json" }, Minor);

        Assert.True(result.Status == GateStatus.Pass, AnalysisContexts.Describe(result));
        Assert.Contains(result.Figures, f => f.Name == "benchmarks compared" && f.Value == 2);
        var merged = Path.Combine(dir.Path, "obj", "release-gates", "gate", BenchmarkGate.MergedReportFileName);
        Assert.Equal(2, BenchmarkReportParser.Parse(File.ReadAllText(merged), merged).Samples.Count);
    }

    [Fact]
    public async Task Forty_percent_slower_fails()
    {
        using var dir = new TempDirectory();
        dir.File("current-report-full.json", BenchmarkJson.Report(("Parsing.Parse", FortyPercentSlower)));
        dir.File("baseline.json", BenchmarkJson.Report(("Parsing.Parse", Baseline)));

        var result = await Run(dir, new() { ["Results"] = "current-report-full.json", ["Baseline"] = "baseline.json" }, Minor);

        Assert.True(result.Status == GateStatus.Fail, AnalysisContexts.Describe(result));
        Assert.Equal(GateKinds.Benchmark, result.Kind);
        Assert.Contains("1 significant regressions", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_baseline_is_the_previous_release_asset_downloaded_by_url() // contract test: a local server stands in for the release host
    {
        using var dir = new TempDirectory();
        dir.File("current-report-full.json", BenchmarkJson.Report(("Parsing.Parse", FortyPercentSlower)));
        using var server = new LocalFileServer(new()
        {
            ["/releases/download/v1.2.0/benchmark-report-full.json"] = Encoding.UTF8.GetBytes(BenchmarkJson.Report(("Parsing.Parse", Baseline))),
        });

        var result = await Run(dir, new()
        {
            ["Results"] = "current-report-full.json",
            ["Baseline"] = server.BaseUrl + "/releases/download/{PreviousTag}/benchmark-report-full.json",
        }, Minor);

        Assert.True(result.Status == GateStatus.Fail, AnalysisContexts.Describe(result));
        Assert.Contains(result.Findings, f => f.Rule == "regression");
    }

    [Fact]
    public async Task A_missing_asset_is_a_fail_with_the_http_status()
    {
        using var dir = new TempDirectory();
        dir.File("current-report-full.json", BenchmarkJson.Report(("Parsing.Parse", Noise)));
        using var server = new LocalFileServer([]);

        var result = await Run(dir, new() { ["Results"] = "current-report-full.json", ["Baseline"] = server.BaseUrl + "/{PreviousTag}/b.json" }, Minor);

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("RSDK5042", result.Summary, StringComparison.Ordinal);
        Assert.Contains("404", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_baseline_can_be_a_file_committed_at_the_previous_release_tag()
    {
        using var repo = new TempGitRepo();
        File.WriteAllText(Path.Combine(repo.Path, "perf-baseline.json"), BenchmarkJson.Report(("Parsing.Parse", Baseline)));
        repo.Git("add", "perf-baseline.json");
        repo.Commit("feat: parser");
        repo.Tag("v1.2.0");
        File.WriteAllText(Path.Combine(repo.Path, "perf-baseline.json"), BenchmarkJson.Report(("Parsing.Parse", FortyPercentSlower)));
        File.WriteAllText(Path.Combine(repo.Path, "now-report-full.json"), BenchmarkJson.Report(("Parsing.Parse", FortyPercentSlower)));

        var context = AnalysisContexts.Create(repo.Path, repo.Path,
            new Dictionary<string, string> { ["Results"] = "now-report-full.json", ["Baseline"] = "git:{PreviousTag}:perf-baseline.json" }, Minor);
        var result = await new BenchmarkGate("benchmark").RunAsync(context, default);

        Assert.True(result.Status == GateStatus.Fail, AnalysisContexts.Describe(result)); // against the tag's file, not the working copy's
    }

    [Fact]
    public async Task Standalone_the_previous_tag_is_the_latest_tag_from_git()
    {
        using var repo = new TempGitRepo();
        File.WriteAllText(Path.Combine(repo.Path, "perf-baseline.json"), BenchmarkJson.Report(("Parsing.Parse", Baseline)));
        repo.Git("add", "perf-baseline.json");
        repo.Commit("feat: parser");
        repo.Tag("v2.0.0");
        File.WriteAllText(Path.Combine(repo.Path, "now-report-full.json"), BenchmarkJson.Report(("Parsing.Parse", FortyPercentSlower)));
        var log = new List<string>();

        var context = AnalysisContexts.Create(repo.Path, repo.Path,
            new Dictionary<string, string> { ["Results"] = "now-report-full.json", ["Baseline"] = "git:{PreviousTag}:perf-baseline.json" }, release: null, log: log);
        var result = await new BenchmarkGate("benchmark").RunAsync(context, default);

        Assert.True(result.Status == GateStatus.Fail, AnalysisContexts.Describe(result));
        Assert.Contains(log, line => line.Contains("standalone run, comparing with the latest tag v2.0.0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_first_release_warns_that_there_is_nothing_to_compare()
    {
        using var dir = new TempDirectory();
        dir.File("current-report-full.json", BenchmarkJson.Report(("Parsing.Parse", Noise)));

        var result = await Run(dir, new() { ["Results"] = "current-report-full.json", ["Baseline"] = "missing.json" }, new GateRelease("1.0.0", null, null, "minor"));

        Assert.Equal(GateStatus.Warn, result.Status);
        Assert.Contains("first release", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Standalone_with_a_previous_release_placeholder_fails_and_says_why()
    {
        using var dir = new TempDirectory();
        dir.File("current-report-full.json", BenchmarkJson.Report(("Parsing.Parse", Noise)));

        var result = await Run(dir, new() { ["Results"] = "current-report-full.json", ["Baseline"] = "baselines/{PreviousTag}.json" }, release: null);

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("none is known", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_results_fail_with_what_to_run()
    {
        using var dir = new TempDirectory();

        var result = await Run(dir, new() { ["Baseline"] = "baseline.json" }, Minor);

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("BenchmarkDotNet.Artifacts", result.Summary, StringComparison.Ordinal);
        Assert.Contains("--exporters json", result.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_threshold_that_is_not_a_number_is_a_coded_setting_error()
    {
        using var dir = new TempDirectory();

        var result = await Run(dir, new() { ["Threshold"] = "twenty" }, Minor);

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("RSDK5003", result.Summary, StringComparison.Ordinal);
    }

    private static Task<GateResult> Run(TempDirectory dir, Dictionary<string, string> settings, GateRelease? release) =>
        new BenchmarkGate("benchmark").RunAsync(AnalysisContexts.Create(dir.Path, dir.Path, settings, release), default);
}
