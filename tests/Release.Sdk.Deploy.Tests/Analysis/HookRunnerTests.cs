using Release.Sdk.Deploy.Hooks;

namespace Release.Sdk.Deploy.Tests.Analysis;

/// <summary>Real commands through the platform shell (sh on Linux/macOS, cmd on Windows).</summary>
public sealed class HookRunnerTests
{
    private static readonly Dictionary<string, string> Environment = new() { ["RELEASE_DEPLOY_VERSION"] = "2.0.0" };

    [Fact]
    public async Task CommandSeesTheDeployEnvironmentAndPasses()
    {
        using var http = new HttpClient();
        var command = OperatingSystem.IsWindows() ? "echo %RELEASE_DEPLOY_VERSION%" : "echo $RELEASE_DEPLOY_VERSION";
        var result = await new HookRunner(http).RunCommandAsync(command, Environment, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.True(result.Passed, result.Detail);
        Assert.Contains("2.0.0", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonZeroExitFailsWithItsCode()
    {
        using var http = new HttpClient();
        var result = await new HookRunner(http).RunCommandAsync("exit 3", Environment, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.False(result.Passed);
        Assert.Contains("exited 3", result.Detail, StringComparison.Ordinal);
    }
}
