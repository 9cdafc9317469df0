using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Tests.BuiltIn;
using Release.Sdk.Gates.Vulnerable;

namespace Release.Sdk.Gates.Tests.Vulnerable;

public sealed class VulnerableDependenciesGateTests
{
    [Fact]
    public void Runs_nugets_audit_over_direct_and_transitive_packages_as_json()
    {
        Assert.Equal(["list", "/repo/App.sln", "package", "--vulnerable", "--include-transitive", "--format", "json", "--output-version", "1"],
            VulnerableDependenciesGate.Arguments("/repo/App.sln"));
    }

    [Fact]
    public async Task A_project_that_cannot_be_listed_is_a_fail_with_the_tools_words()
    {
        using var dir = new TempDirectory();
        var context = GateHarness.Context(dir.Path, Path.Combine(dir.Path, "Missing.csproj"),
            runner: new FakeProcessRunner(FakeProcessRunner.Exited(1, "Could not find file or directory '/repo/Missing.csproj'.")));

        var result = await new VulnerableDependenciesGate("vulnerable").RunAsync(context, default);

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.Contains("Could not find file or directory", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_audit_source_is_a_fail_not_a_pass()
    {
        using var dir = new TempDirectory();
        var context = GateHarness.Context(dir.Path, Path.Combine(dir.Path, "App.csproj"),
            runner: new FakeProcessRunner(FakeProcessRunner.Exited(0, "error: Unable to load the service index for source http://127.0.0.1:9/index.json.")));

        var result = await new VulnerableDependenciesGate("vulnerable").RunAsync(context, default);

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.StartsWith("RSDK5020:", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problems_reported_as_errors_in_the_json_fail_the_gate()
    {
        using var dir = new TempDirectory();
        const string json = """{ "version": 1, "problems": [ { "project": "/r/A.csproj", "level": "error", "text": "No assets file was found for /r/A.csproj." } ], "projects": [] }""";
        var context = GateHarness.Context(dir.Path, Path.Combine(dir.Path, "A.csproj"), runner: new FakeProcessRunner(FakeProcessRunner.Exited(0, json)));

        var result = await new VulnerableDependenciesGate("vulnerable").RunAsync(context, default);

        Assert.Equal("could not run: error: No assets file was found for /r/A.csproj.", result.Summary);
    }
}
