using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Security;
using Release.Sdk.Gates.Tests.BuiltIn;
using Release.Sdk.Gates.Tooling;

namespace Release.Sdk.Gates.Tests.Security;

public sealed class SarifLogsTests
{
    private static readonly Dictionary<string, FindingSeverity> NoOverrides = [];

    private static string Log(string results, string rules = "[]") => $$"""
        { "version": "2.1.0", "runs": [ { "results": {{results}}, "tool": { "driver": { "name": "csc", "rules": {{rules}} } } } ] }
        """;

    private static string Result(string rule, string level = "warning", int index = -1, string suppressions = "") => $$"""
        { "ruleId": "{{rule}}", "ruleIndex": {{index}}, "level": "{{level}}", "message": { "text": "{{rule}} hit" }, {{suppressions}}
          "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "file:///src/A.cs" }, "region": { "startLine": 7 } } } ] }
        """;

    [Fact]
    public void Recorded_log_yields_the_sql_injection_and_weak_hash_findings_with_file_and_line()
    {
        var findings = SarifLogs.Read([("unsafe.sarif", Samples.Recorded("unsafe.sarif"))], NoOverrides);

        Assert.Equal(["CA2100", "CA5351"], findings.Select(f => f.Rule).Order());
        var sql = Assert.Single(findings, f => f.Rule == "CA2100");
        Assert.Equal(("/tmp/gb-scratch/sec/Orders.cs", 11, FindingSeverity.Medium), (sql.File, sql.Line, sql.Severity));
        Assert.Contains("FindByCustomer", sql.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void At_severity_high_only_a_rule_raised_to_high_blocks_the_recorded_log()
    {
        var findings = SarifLogs.Read([("unsafe.sarif", Samples.Recorded("unsafe.sarif"))],
            new Dictionary<string, FindingSeverity> { ["CA2100"] = FindingSeverity.High });

        var outcome = SecurityEvaluator.Evaluate(findings, FindingSeverity.High);

        Assert.Equal(GateStatus.Fail, outcome.Status);
        Assert.EndsWith("at or above high (1 high, 1 medium): CA2100", outcome.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_security_rules_are_ignored_by_their_category()
    {
        var rules = """[ { "id": "CA1822", "properties": { "category": "Performance" } }, { "id": "CA5351", "properties": { "category": "Security" } } ]""";

        var findings = SarifLogs.Read([("a", Log($"[{Result("CA1822", index: 0)}, {Result("CA5351", index: 1)}]", rules))], NoOverrides);

        Assert.Equal("CA5351", Assert.Single(findings).Rule);
    }

    [Fact]
    public void Without_rule_metadata_the_documented_security_ids_are_used()
    {
        var findings = SarifLogs.Read([("a", Log($"[{Result("CA1822")}, {Result("CA2100")}, {Result("CA3001")}, {Result("CA5350")}, {Result("IDE0005")}]"))], NoOverrides);

        Assert.Equal(["CA2100", "CA3001", "CA5350"], findings.Select(f => f.Rule));
    }

    [Theory]
    [InlineData("error", "High")]
    [InlineData("warning", "Medium")]
    [InlineData("note", "Low")]
    public void Levels_map_to_severities(string level, string expected)
    {
        Assert.Equal(Enum.Parse<FindingSeverity>(expected), Assert.Single(SarifLogs.Read([("a", Log($"[{Result("CA5351", level)}]"))], NoOverrides)).Severity);
    }

    [Fact]
    public void A_configured_rule_severity_wins_over_the_level()
    {
        var findings = SarifLogs.Read([("a", Log($"[{Result("CA2100")}]"))], new Dictionary<string, FindingSeverity> { ["CA2100"] = FindingSeverity.Critical });

        Assert.Equal(FindingSeverity.Critical, Assert.Single(findings).Severity);
    }

    [Fact]
    public void The_same_finding_from_two_target_frameworks_is_listed_once_and_suppressed_ones_are_marked()
    {
        var log = Log($"[{Result("CA5351")}]");
        var suppressed = Log($"[{Result("CA2100", suppressions: "\"suppressions\": [ { \"kind\": \"inSource\" } ],")}]");

        var findings = SarifLogs.Read([("net8", log), ("net10", log), ("s", suppressed)], NoOverrides);

        Assert.Equal(2, findings.Count);
        Assert.True(Assert.Single(findings, f => f.Rule == "CA2100").Suppressed);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{ "version": "1.0.0", "runs": [] }""")]
    public void A_log_that_is_not_sarif_2_1_is_a_coded_error(string json)
    {
        var error = Assert.Throws<ReleaseException>(() => SarifLogs.Read([("x.sarif", json)], NoOverrides));

        Assert.Equal("RSDK5020", error.Code);
    }
}
