using Release.Sdk.Gates.ApiCompat;
using Release.Sdk.Gates.Benchmark;
using Release.Sdk.Gates.EfMigrations;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Tests.Analysis;

public sealed class AnalysisGatesCatalogTests
{
    [Fact]
    public void The_analysis_kinds_create_their_gates()
    {
        Assert.IsType<BenchmarkGate>(GateCatalog.Create(GateKinds.Benchmark, "perf"));
        Assert.IsType<ApiCompatGate>(GateCatalog.Create(GateKinds.ApiCompat, "api"));
        Assert.IsType<EfMigrationsGate>(GateCatalog.Create(GateKinds.EfMigrations, "migrations"));
    }

    [Fact]
    public async Task An_unknown_apicompat_mode_is_a_coded_setting_error()
    {
        using var dir = new TempDirectory();

        var result = await new ApiCompatGate("api").RunAsync(
            AnalysisContexts.Create(dir.Path, dir.Path, new Dictionary<string, string> { ["Mode"] = "swagger" }), default);

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("RSDK5003", result.Summary, StringComparison.Ordinal);
        Assert.Contains("Mode=\"openapi\"", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Package_mode_outside_a_release_without_a_baseline_version_fails_and_says_what_to_set()
    {
        using var dir = new TempDirectory();

        var result = await new ApiCompatGate("api").RunAsync(AnalysisContexts.Create(dir.Path, dir.Path, new Dictionary<string, string>()), default);

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("BaselineVersion", result.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_release_has_no_api_to_compare_and_passes()
    {
        using var dir = new TempDirectory();
        var first = new GateRelease("1.0.0", null, null, "minor");

        var package = await new ApiCompatGate("api").RunAsync(AnalysisContexts.Create(dir.Path, dir.Path, new Dictionary<string, string>(), first), default);
        var openapi = await new ApiCompatGate("api").RunAsync(
            AnalysisContexts.Create(dir.Path, dir.Path, new Dictionary<string, string> { ["Mode"] = "openapi" }, first), default);

        Assert.Equal(GateStatus.Pass, package.Status);
        Assert.Equal(GateStatus.Pass, openapi.Status);
        Assert.StartsWith("first release", openapi.Summary, StringComparison.Ordinal);
    }
}
