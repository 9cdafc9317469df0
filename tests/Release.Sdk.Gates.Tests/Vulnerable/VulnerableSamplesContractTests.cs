using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Tests.BuiltIn;
using Release.Sdk.Gates.Vulnerable;
using Xunit.Abstractions;

namespace Release.Sdk.Gates.Tests.Vulnerable;

/// <summary>
/// Contract test of NuGet's own audit machinery: the real `dotnet list package --vulnerable` reads the local audit
/// source (nuget.config &lt;auditSources&gt;) served per NuGet's documented vulnerability-info schema.
/// </summary>
public sealed class VulnerableSamples : IAsyncLifetime
{
    private readonly TempDirectory _workspace = Samples.Copy("vulnerable");

    internal LocalAuditSource Source { get; } = new();

    internal GateResult Vulnerable { get; private set; } = null!;

    internal GateResult Safe { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var template = File.ReadAllText(Path.Combine(_workspace.Path, "nuget.config.template"));
        File.WriteAllText(Path.Combine(_workspace.Path, "nuget.config"), template.Replace("{AUDIT_SOURCE}", Source.ServiceIndex, StringComparison.Ordinal));
        Vulnerable = await Run("Vulnerable", []);
        Safe = await Run("Safe", []);
    }

    private Task<GateResult> Run(string project, Dictionary<string, string> settings) =>
        new VulnerableDependenciesGate("vulnerable").RunAsync(GateHarness.Context(_workspace.Path, Path.Combine(_workspace.Path, project, project + ".csproj"), settings,
            // NuGet caches vulnerability data per URL: a private HTTP cache keeps runs independent.
            environment: new Dictionary<string, string?> { ["NUGET_HTTP_CACHE_PATH"] = Path.Combine(_workspace.Path, "http-cache") }), default);

    public Task DisposeAsync()
    {
        Source.Dispose();
        _workspace.Dispose();
        return Task.CompletedTask;
    }
}

[Trait("Category", "Gates")]
public sealed class VulnerableSamplesContractTests(VulnerableSamples samples, ITestOutputHelper output) : IClassFixture<VulnerableSamples>
{
    [Fact]
    public void Contract_nuget_audit_from_a_local_audit_source_fails_newtonsoft_12_0_1_with_advisory_and_fixed_version()
    {
        GateHarness.Print(output, samples.Vulnerable);

        Assert.Equal(GateStatus.Fail, samples.Vulnerable.Status);
        var finding = Assert.Single(samples.Vulnerable.Findings);
        Assert.Equal(("GHSA-5crp-9r3c-p9vr", "high", "Vulnerable/Vulnerable.csproj"), (finding.Rule, finding.Severity, finding.File));
        Assert.Contains("Newtonsoft.Json 12.0.1", finding.Message, StringComparison.Ordinal);
        Assert.Contains(LocalAuditSource.AdvisoryUrl, finding.Message, StringComparison.Ordinal);
        Assert.Contains("fixed in 13.0.1", finding.Message, StringComparison.Ordinal);
        Assert.True(samples.Source.PageRequests > 0, "NuGet never fetched the local vulnerability page");
    }

    [Fact]
    public void Contract_nuget_audit_from_a_local_audit_source_passes_newtonsoft_13_0_3()
    {
        GateHarness.Print(output, samples.Safe);

        Assert.Equal(GateStatus.Pass, samples.Safe.Status);
        Assert.Empty(samples.Safe.Findings);
    }
}
