using Release.Sdk.Gates.Coverage;
using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Tests.BuiltIn;
using Xunit.Abstractions;

namespace Release.Sdk.Gates.Tests.Coverage;

/// <summary>Runs the real gate (dotnet test + coverlet) once per sample; the tests below read the results.</summary>
public sealed class CoverageSamples : IAsyncLifetime
{
    private readonly TempDirectory _workspace = Samples.Copy("coverage");

    internal GateResult Full { get; private set; } = null!;

    internal GateResult Partial { get; private set; } = null!;

    internal GateResult Failing { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // One after the other: they share the Calculator project's build.
        Full = await Run("Calculator.Tests.Full");
        Partial = await Run("Calculator.Tests.Partial");
        Failing = await Run("Calculator.Tests.Failing");
    }

    private Task<GateResult> Run(string project) =>
        new CoverageGate("coverage").RunAsync(
            GateHarness.Context(_workspace.Path, Path.Combine(_workspace.Path, project, project + ".csproj")), default);

    public Task DisposeAsync()
    {
        _workspace.Dispose();
        return Task.CompletedTask;
    }
}

[Trait("Category", "Gates")]
public sealed class CoverageSamplesTests(CoverageSamples samples, ITestOutputHelper output) : IClassFixture<CoverageSamples>
{
    [Fact]
    public void All_tests_passing_with_full_coverage_passes()
    {
        GateHarness.Print(output, samples.Full);

        Assert.Equal(GateStatus.Pass, samples.Full.Status);
        Assert.Contains(samples.Full.Figures, f => f is { Name: "line coverage", Value: 100, Threshold: 85 });
        Assert.Contains(samples.Full.Figures, f => f is { Name: "tests passed", Value: 7 });
    }

    [Fact]
    public void Coverage_around_sixty_percent_fails_against_the_default_85()
    {
        GateHarness.Print(output, samples.Partial);

        Assert.Equal(GateStatus.Fail, samples.Partial.Status);
        var line = Assert.Single(samples.Partial.Figures, f => f.Name == "line coverage");
        Assert.InRange(line.Value, 50, 65);
        Assert.Contains("below the threshold 85 %", samples.Partial.Summary, StringComparison.Ordinal);
        Assert.Contains(samples.Partial.Findings, f => f.File == "Calculator/Arithmetic.cs");
    }

    [Fact]
    public void A_failing_test_fails_the_gate_and_is_named()
    {
        GateHarness.Print(output, samples.Failing);

        Assert.Equal(GateStatus.Fail, samples.Failing.Status);
        Assert.StartsWith("1 of 5 tests failed", samples.Failing.Summary, StringComparison.Ordinal);
        Assert.Contains(samples.Failing.Findings, f => f.Message.Contains("Clamps_to_the_maximum", StringComparison.Ordinal));
    }
}
