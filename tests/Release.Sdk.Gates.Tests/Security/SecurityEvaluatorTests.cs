using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Security;
using Release.Sdk.Gates.Tooling;

namespace Release.Sdk.Gates.Tests.Security;

public sealed class SecurityEvaluatorTests
{
    private static SecurityFinding Finding(string rule, FindingSeverity severity, bool suppressed = false) =>
        new(rule, $"{rule} message", "/src/Orders.cs", 11, severity, suppressed);

    [Fact]
    public void Medium_findings_fail_at_the_default_like_the_seed_and_list_rule_file_and_line()
    {
        var outcome = SecurityEvaluator.Evaluate([Finding("CA2100", FindingSeverity.Medium), Finding("CA5351", FindingSeverity.High)], FindingSeverity.Medium);

        Assert.Equal(GateStatus.Fail, outcome.Status);
        Assert.Equal("2 security finding(s) at or above medium (1 high, 1 medium): CA5351, CA2100", outcome.Summary);
        Assert.Equal(("CA5351", "/src/Orders.cs", 11, "high"), (outcome.Findings[0].Rule, outcome.Findings[0].File, outcome.Findings[0].Line, outcome.Findings[0].Severity));
        Assert.Contains(outcome.Figures, f => f is { Name: "medium findings", Value: 1, Threshold: 0 });
        Assert.Contains(outcome.Figures, f => f is { Name: "low findings", Threshold: null });
    }

    [Fact]
    public void Findings_below_the_fail_severity_only_warn()
    {
        var outcome = SecurityEvaluator.Evaluate([Finding("CA5351", FindingSeverity.Medium)], FindingSeverity.High);

        Assert.Equal(GateStatus.Warn, outcome.Status);
    }

    [Fact]
    public void Suppressed_findings_are_counted_but_do_not_fail()
    {
        var outcome = SecurityEvaluator.Evaluate([Finding("CA2100", FindingSeverity.High, suppressed: true)], FindingSeverity.Medium);

        Assert.Equal(GateStatus.Pass, outcome.Status);
        Assert.Contains(outcome.Figures, f => f is { Name: "suppressed findings", Value: 1 });
    }

    [Fact]
    public void No_findings_pass()
    {
        Assert.Equal(GateStatus.Pass, SecurityEvaluator.Evaluate([], FindingSeverity.Low).Status);
    }
}
