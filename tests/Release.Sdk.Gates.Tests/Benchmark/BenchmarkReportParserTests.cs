using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Benchmark;

namespace Release.Sdk.Gates.Tests.Benchmark;

public sealed class BenchmarkReportParserTests
{
    [Fact]
    public void Reads_a_recorded_BenchmarkDotNet_0_15_8_report_from_its_iteration_values()
    {
        // Recorded from a real run: BenchmarkDotNet 0.15.8, --inProcess --iterationCount 5 --exporters json.
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Benchmark", "Recorded", "Hashing-report-full-compressed.json"));

        var report = BenchmarkReportParser.Parse(json, "recorded");

        var sample = Assert.Single(report.Samples);
        Assert.Equal("Hashing.Sum", sample.Name);
        Assert.Equal(5, sample.N);
        Assert.Equal(490.23889312744143, sample.Mean, 9);    // the report's own Statistics.Mean
        Assert.Equal(73.55227648448454, sample.Variance, 9); // the report's own Statistics.Variance
        Assert.Equal("iterations", sample.Source);
        Assert.Empty(report.Failed);
    }

    [Fact]
    public void Falls_back_to_raw_measurements_of_the_result_stage()
    {
        const string json = """
            {"Benchmarks":[{"FullName":"A.B","Statistics":{"N":2,"Mean":5,"StandardError":1},"Measurements":[
              {"IterationMode":"Workload","IterationStage":"Warmup","Operations":2,"Nanoseconds":100},
              {"IterationMode":"Overhead","IterationStage":"Result","Operations":2,"Nanoseconds":2},
              {"IterationMode":"Workload","IterationStage":"Result","Operations":2,"Nanoseconds":8},
              {"IterationMode":"Workload","IterationStage":"Result","Operations":2,"Nanoseconds":12}]}]}
            """;

        var sample = Assert.Single(BenchmarkReportParser.Parse(json, "x").Samples);

        Assert.Equal(5, sample.Mean);
        Assert.Equal(2, sample.Variance); // values 4 and 6 ns/op
    }

    [Fact]
    public void Falls_back_to_mean_standard_error_and_n()
    {
        var sample = Assert.Single(BenchmarkReportParser.Parse(BenchmarkJson.SummaryOnly("A.B", 200, 3, 9), "x").Samples);

        Assert.Equal(200, sample.Mean);
        Assert.Equal(81, sample.Variance, 9); // SE² · N
        Assert.Equal("mean/SE/N", sample.Source);
    }

    [Fact]
    public void A_benchmark_without_statistics_is_reported_as_failed_and_repeated_names_are_numbered()
    {
        const string json = """{"Benchmarks":[{"FullName":"A.B","Statistics":null},{"FullName":"A.C","Statistics":{"N":1,"Mean":3}},{"FullName":"A.C","Statistics":{"N":1,"Mean":4}}]}""";

        var report = BenchmarkReportParser.Parse(json, "x");

        Assert.Equal(["A.B"], report.Failed);
        Assert.Equal(["A.C", "A.C #2"], report.Samples.Select(s => s.Name));
        Assert.False(report.Samples[0].HasSpread);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"Title":"no benchmarks"}""")]
    [InlineData("""{"Benchmarks":[{"Statistics":{}}]}""")]
    public void Unreadable_reports_are_a_coded_error_that_says_what_to_run(string json)
    {
        var error = Assert.Throws<ReleaseException>(() => BenchmarkReportParser.Parse(json, "bad.json"));

        Assert.Equal(DiagnosticCatalog.BenchmarkReportInvalid, error.Descriptor);
        Assert.Contains("bad.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("--exporters json", error.Message, StringComparison.Ordinal);
    }
}
