using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Security;
using Release.Sdk.Gates.Tests.BuiltIn;
using Xunit.Abstractions;

namespace Release.Sdk.Gates.Tests.Security;

/// <summary>Runs the real gate (dotnet build with the security analyzers) on the clean and the unsafe sample.</summary>
public sealed class SecuritySamples : IAsyncLifetime
{
    private readonly TempDirectory _workspace = Samples.Copy("security");

    internal GateResult Clean { get; private set; } = null!;

    internal GateResult Unsafe { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Clean = await Run("Clean", []);
        Unsafe = await Run("Unsafe", []);
    }

    private Task<GateResult> Run(string project, Dictionary<string, string> settings) =>
        new SecurityGate("security").RunAsync(
            GateHarness.Context(_workspace.Path, Path.Combine(_workspace.Path, project, project + ".csproj"), settings), default);

    public Task DisposeAsync()
    {
        _workspace.Dispose();
        return Task.CompletedTask;
    }
}

[Trait("Category", "Gates")]
public sealed class SecuritySamplesTests(SecuritySamples samples, ITestOutputHelper output) : IClassFixture<SecuritySamples>
{
    [Fact]
    public void Parameterized_sql_and_sha256_pass()
    {
        GateHarness.Print(output, samples.Clean);

        Assert.Equal(GateStatus.Pass, samples.Clean.Status);
        Assert.Empty(samples.Clean.Findings);
    }

    [Fact]
    public void Sql_built_from_input_and_md5_fail_with_rule_file_and_line()
    {
        GateHarness.Print(output, samples.Unsafe);

        Assert.Equal(GateStatus.Fail, samples.Unsafe.Status);
        var sql = Assert.Single(samples.Unsafe.Findings, f => f.Rule == "CA2100");
        Assert.Equal("Unsafe/Orders.cs", sql.File); // relative to the repository root, as the report shows it
        Assert.Equal(12, sql.Line);
        Assert.Contains(samples.Unsafe.Findings, f => f is { Rule: "CA5351", Line: 17 });
    }
}
