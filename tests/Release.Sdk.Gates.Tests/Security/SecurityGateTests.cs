using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Security;
using Release.Sdk.Gates.Tests.BuiltIn;
using Release.Sdk.Gates.Tooling;

namespace Release.Sdk.Gates.Tests.Security;

public sealed class SecurityGateTests
{
    [Fact]
    public void Rebuilds_with_every_security_rule_on_and_an_error_log_hook()
    {
        Assert.Equal(
            ["build", "/repo/App.csproj", "--no-incremental", "-p:EnableNETAnalyzers=true", "-p:AnalysisModeSecurity=All",
             "-p:TreatWarningsAsErrors=false", "-p:CustomAfterMicrosoftCommonTargets=/out/hook.targets"],
            SecurityGate.Arguments("/repo/App.csproj", "/out/hook.targets", null));
    }

    [Fact]
    public void The_hook_writes_one_sarif_2_1_log_per_project_and_framework()
    {
        using var dir = new TempDirectory();

        var text = File.ReadAllText(SecurityGate.WriteErrorLogTargets(dir.Path, "/out/sarif & logs"));

        Assert.Contains("<ErrorLog>/out/sarif &amp; logs/$(MSBuildProjectName).$(TargetFramework).sarif,version=2.1</ErrorLog>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_severities_parse_and_a_bad_one_is_RSDK5003()
    {
        Assert.Equal(FindingSeverity.Critical, SecurityGate.RuleSeverities("security", "CA2100=critical; CA5351=high")["ca2100"]);

        var error = Assert.Throws<ReleaseException>(() => SecurityGate.RuleSeverities("security", "CA2100=severe"));
        Assert.Equal(DiagnosticCatalog.GateSettingInvalid, error.Descriptor);
        Assert.Contains("RuleSeverities", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compile_error_is_a_fail_saying_the_build_failed_not_a_pass_with_no_findings()
    {
        using var dir = new TempDirectory();
        var runner = new FakeProcessRunner(FakeProcessRunner.Exited(1, "/src/A.cs(3,5): error CS1002: ; expected [/src/A.csproj]"));
        var context = GateHarness.Context(dir.Path, Path.Combine(dir.Path, "A.csproj"), runner: runner);

        var result = await new SecurityGate("security").RunAsync(context, default);

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Equal("could not run: the build failed: CS1002: ; expected", result.Summary);
        Assert.Equal(("/src/A.cs", 3), (result.Findings[0].File, result.Findings[0].Line));
    }

    [Fact]
    public async Task An_unknown_severity_setting_fails_with_RSDK5003()
    {
        using var dir = new TempDirectory();
        var context = GateHarness.Context(dir.Path, Path.Combine(dir.Path, "A.csproj"), new Dictionary<string, string> { ["Severity"] = "urgent" },
            new FakeProcessRunner(FakeProcessRunner.Exited(0)));

        var result = await new SecurityGate("security").RunAsync(context, default);

        Assert.StartsWith("RSDK5003:", result.Summary, StringComparison.Ordinal);
    }
}
