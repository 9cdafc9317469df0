using Release.Sdk.Cli.ReleaseRun;

namespace Release.Sdk.Cli.Tests.ReleaseRun;

public sealed class ShellHookRunnerTests
{
    private static readonly Dictionary<string, string?> Environment = new()
    {
        ["PATH"] = System.Environment.GetEnvironmentVariable("PATH"),
        ["RELEASE_NOTE"] = "from the environment",
    };

    [Fact]
    public void CommandRunsThroughTheShellWithTheRunsEnvironmentAndOutput()
    {
        var echo = new StringWriter();
        var runner = new ShellHookRunner(TimeSpan.FromMinutes(1), echo);

        var result = runner.Run(OperatingSystem.IsWindows() ? "echo %RELEASE_NOTE%" : "echo \"$RELEASE_NOTE\" && pwd", Path.GetTempPath(), Environment);

        Assert.True(result.Succeeded, result.StandardError);
        Assert.Contains("from the environment", result.StandardOutput);
        Assert.Contains("from the environment", echo.ToString());
    }

    [Fact]
    public void NonZeroExitIsReportedWithBothStreams()
    {
        var result = new ShellHookRunner(TimeSpan.FromMinutes(1), TextWriter.Null).Run("echo out && echo err 1>&2 && exit 4", Path.GetTempPath(), Environment);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("out", result.StandardOutput);
        Assert.Contains("err", result.StandardError);
    }

    [Fact]
    public void CommandPastItsTimeLimitIsKilled()
    {
        if (OperatingSystem.IsWindows()) return;

        var result = new ShellHookRunner(TimeSpan.FromMilliseconds(300), TextWriter.Null).Run("sleep 30", Path.GetTempPath(), Environment);

        Assert.True(result.TimedOut);
        Assert.False(result.Succeeded);
    }
}
