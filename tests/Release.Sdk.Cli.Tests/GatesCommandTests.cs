using Release.Sdk.TestKit;

namespace Release.Sdk.Cli.Tests;

/// <summary><c>dotnet-release gates</c> in process: exit codes, the settings file, --mode and --output, .releaserc.json gates.</summary>
public sealed class GatesCommandTests : IDisposable
{
    private readonly TempGitRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    private string Settings(string command) => WriteFile("obj/release-gates-settings.json", $$"""
        { "plugins": { "gates": { "gates": [ { "spec": "check", "command": "{{command}}" } ] } } }
        """);

    private string WriteFile(string relative, string content)
    {
        var path = Path.Combine(_repo.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void A_passing_gate_exits_zero_and_prints_its_line()
    {
        if (OperatingSystem.IsWindows()) return;

        var run = CliRun.Of(_repo, "gates", "--cwd", _repo.Path, "--settings", Settings("true")).ShouldExit(0);

        Assert.Contains("gate check: pass — exit code 0", run.StdOut, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_repo.Path, "obj", "release-gates.json")));
    }

    [Fact]
    public void A_failing_gate_exits_one_with_RSDK5001_unless_mode_is_report()
    {
        if (OperatingSystem.IsWindows()) return;
        var settings = Settings("exit 1");
        var output = Path.Combine(_repo.Path, "reports");

        var blocked = CliRun.Of(_repo, "gates", "--cwd", _repo.Path, "--settings", settings).ShouldExit(1);
        var reported = CliRun.Of(_repo, "gates", "--cwd", _repo.Path, "--settings", settings, "--mode", "report", "--output", output).ShouldExit(0);

        Assert.StartsWith("error RSDK5001: The release is blocked: quality gate 'check'", blocked.StdErr, StringComparison.Ordinal);
        Assert.StartsWith("warning RSDK5006: ", reported.StdErr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "release-gates.md")));
    }

    [Fact]
    public void Gates_from_releaserc_run_without_a_settings_file()
    {
        if (OperatingSystem.IsWindows()) return;
        WriteFile(".releaserc.json", """{ "gates": { "gates": [ { "name": "lint", "command": "echo lint ok" } ] } }""");

        var run = CliRun.Of(_repo, "gates", "--cwd", _repo.Path).ShouldExit(0);

        Assert.Contains("gate lint: pass", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_settings_file_is_RSDK5004()
    {
        var run = CliRun.Of(_repo, "gates", "--cwd", _repo.Path, "--settings", WriteFile("bad.json", "{ nope")).ShouldExit(1);

        Assert.StartsWith("error RSDK5004: ", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_mode_is_a_usage_error() =>
        CliRun.Of(_repo, "gates", "--mode", "warn").ShouldExit(2);
}
