using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Tooling;
using Release.Sdk.Gates.Vulnerable;

namespace Release.Sdk.Gates.Tests.Vulnerable;

public sealed class VulnerableEvaluatorTests
{
    private static VulnerablePackage Package(FindingSeverity severity, string? fixedVersion = "13.0.1", bool transitive = false) =>
        new("Newtonsoft.Json", "12.0.1", transitive, severity, "https://github.com/advisories/GHSA-5crp-9r3c-p9vr", ["/repo/src/App/App.csproj"], fixedVersion);

    [Fact]
    public void Any_advisory_fails_by_default_and_the_remedy_names_the_fixed_version()
    {
        var outcome = VulnerableEvaluator.Evaluate([Package(FindingSeverity.High)], FindingSeverity.Low, "/repo");

        Assert.Equal(GateStatus.Fail, outcome.Status);
        Assert.Equal("1 vulnerable package(s) at or above low: Newtonsoft.Json 12.0.1 (high)", outcome.Summary);
        Assert.Contains("Newtonsoft.Json 12.0.1 → 13.0.1", outcome.Remedy, StringComparison.Ordinal);
        var finding = Assert.Single(outcome.Findings);
        Assert.Equal(("GHSA-5crp-9r3c-p9vr", "src/App/App.csproj", "high"), (finding.Rule, finding.File, finding.Severity));
        Assert.Equal("Newtonsoft.Json 12.0.1: high advisory https://github.com/advisories/GHSA-5crp-9r3c-p9vr; fixed in 13.0.1", finding.Message);
        Assert.Contains(outcome.Figures, f => f is { Name: "high advisories", Value: 1, Threshold: 0 });
    }

    [Fact]
    public void Below_the_severity_threshold_warns()
    {
        var outcome = VulnerableEvaluator.Evaluate([Package(FindingSeverity.Medium, fixedVersion: null, transitive: true)], FindingSeverity.High, "/repo");

        Assert.Equal(GateStatus.Warn, outcome.Status);
        Assert.Contains("(transitive)", outcome.Findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("fixed version unknown", outcome.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_fixed_version_points_at_the_advisory()
    {
        var outcome = VulnerableEvaluator.Evaluate([Package(FindingSeverity.Critical, fixedVersion: null)], FindingSeverity.High, "/repo");

        Assert.Contains("Newtonsoft.Json 12.0.1: see https://github.com/advisories/GHSA-5crp-9r3c-p9vr", outcome.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public void No_vulnerable_packages_pass()
    {
        Assert.Equal(GateStatus.Pass, VulnerableEvaluator.Evaluate([], FindingSeverity.Low, "/repo").Status);
    }
}
