using System.Text.Json;
using Release.Sdk.TestKit;

namespace Release.Sdk.Cli.Tests;

/// <summary>The real binary, as a child process: proves the built tool starts, loads libgit2 and writes to the real streams.</summary>
public sealed class ExecutableTests
{
    [Fact]
    public void BuiltExecutablePrintsTheVersionJson()
    {
        using var repo = Histories.ReleasedAt123();
        repo.Commit("feat: second feature");

        var result = ProcessRunner.Run("dotnet", [ToolDll(), "version", "--json"], repo.Path, timeout: TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 0, result.Output + "\n" + repo.Dump());
        using var json = JsonDocument.Parse(result.StdOut);
        Assert.Equal("1.3.0", json.RootElement.GetProperty("next").GetString());
    }

    [Fact]
    public void BuiltExecutableExitsOneWithTheCodedErrorOnStderr()
    {
        using var repo = Histories.ReleasedAt123();

        var result = ProcessRunner.Run("dotnet", [ToolDll(), "version", "--config", "missing.json"], repo.Path, timeout: TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.StartsWith("error RSDK1007: ", result.StdErr, StringComparison.Ordinal);
    }

    /// <summary>The tool's own build output (referenced project), next to its runtimeconfig and deps files.</summary>
    private static string ToolDll()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "dotnet-release.dll");
        Assert.True(File.Exists(dll) && File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")), $"dotnet-release.dll with its runtimeconfig not found in {AppContext.BaseDirectory}");
        return dll;
    }
}
