using Release.Sdk.Gates.Coverage;
using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Tests.BuiltIn;

namespace Release.Sdk.Gates.Tests.Coverage;

/// <summary>The gate's plumbing with a fake process runner: what it runs, where it looks, how it fails.</summary>
public sealed class CoverageGateTests
{
    [Fact]
    public void Runs_dotnet_test_with_coverlet_cobertura_and_a_trx_logger()
    {
        var arguments = CoverageGate.Arguments("/repo/App.sln", "/out/test-results", "Category!=E2E", "Release");

        Assert.Equal(
            ["test", "/repo/App.sln", "--collect:XPlat Code Coverage", "--results-directory", "/out/test-results", "--logger", "trx",
             "--configuration", "Release", "--filter", "Category!=E2E",
             "--", "DataCollectionRunSettings.DataCollectors.DataCollector.Configuration.Format=cobertura"],
            arguments);
    }

    [Fact]
    public async Task Reads_the_reports_the_run_wrote_into_its_output_folder()
    {
        using var dir = new TempDirectory();
        var runner = new FakeProcessRunner(FakeProcessRunner.Exited(0), arguments =>
        {
            var results = arguments[arguments.ToList().IndexOf("--results-directory") + 1];
            File.WriteAllText(Path.Combine(results, "run.trx"), Samples.Recorded("partial.trx"));
            Directory.CreateDirectory(Path.Combine(results, "guid"));
            File.WriteAllText(Path.Combine(results, "guid", "coverage.cobertura.xml"), Samples.Recorded("partial.cobertura.xml"));
        });
        var context = GateHarness.Context(dir.Path, Path.Combine(dir.Path, "App.sln"), new Dictionary<string, string> { ["Threshold"] = "50" }, runner);

        var result = await new CoverageGate("tests").RunAsync(context, default);

        Assert.Equal(GateStatus.Pass, result.Status);
        Assert.Equal("4 tests passed, line coverage 55.56 %, branch coverage 40 %", result.Summary);
        Assert.Equal(("tests", "coverage"), (result.Gate, result.Kind));
    }

    [Fact]
    public async Task Reports_of_an_earlier_run_are_not_merged_into_this_one()
    {
        using var dir = new TempDirectory();
        var context = GateHarness.Context(dir.Path, Path.Combine(dir.Path, "App.sln"), runner: new FakeProcessRunner(FakeProcessRunner.Exited(1)));
        dir.File("obj/release-gates/App/test-results/old/run.trx", Samples.Recorded("failing.trx"));

        var result = await new CoverageGate("coverage").RunAsync(context, default);

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("did not complete", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dotnet_that_cannot_start_is_a_fail_with_the_reason()
    {
        using var dir = new TempDirectory();
        var runner = new FakeProcessRunner(new GateProcessResult(null, "", "", false, "dotnet could not be started: No such file"));
        var context = GateHarness.Context(dir.Path, Path.Combine(dir.Path, "App.sln"), runner: runner);

        var result = await new CoverageGate("coverage").RunAsync(context, default);

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Equal("could not run: dotnet could not be started: No such file", result.Summary);
    }

    [Theory]
    [InlineData("Threshold", "high")]
    [InlineData("Threshold", "120")]
    [InlineData("BranchThreshold", "-1")]
    public async Task A_bad_setting_fails_with_RSDK5003_before_running_anything(string key, string value)
    {
        using var dir = new TempDirectory();
        var runner = new FakeProcessRunner(FakeProcessRunner.Exited(0));
        var context = GateHarness.Context(dir.Path, Path.Combine(dir.Path, "App.sln"), new Dictionary<string, string> { [key] = value }, runner);

        var result = await new CoverageGate("coverage").RunAsync(context, default);

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.StartsWith("RSDK5003:", result.Summary, StringComparison.Ordinal);
        Assert.Contains($"{key}=\"{value}\"", result.Summary, StringComparison.Ordinal);
        Assert.Empty(runner.Calls);
    }
}
