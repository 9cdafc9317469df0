using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Tests.Framework;

public sealed class ProcessGateRunnerTests
{
    private static readonly ProcessGateRunner Runner = new();

    private static Task<GateProcessResult> Shell(string script, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Runner.RunAsync("/bin/sh", ["-c", script], Path.GetTempPath(), null, timeout, cancellationToken);

    [Fact]
    public async Task Captures_exit_code_and_both_streams()
    {
        if (OperatingSystem.IsWindows()) return; // the scripts below are POSIX shell

        var result = await Shell("echo out; echo err >&2; exit 3", TimeSpan.FromMinutes(1));

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("out\n", result.StandardOutput);
        Assert.Equal("err\n", result.StandardError);
        Assert.False(result.TimedOut);
        Assert.Null(result.StartFailure);
    }

    [Fact]
    public async Task A_missing_program_is_a_start_failure_not_an_exception()
    {
        var result = await Runner.RunAsync("rsdk-no-such-tool-xyz", [], Path.GetTempPath(), null, TimeSpan.FromMinutes(1), default);

        Assert.Null(result.ExitCode);
        Assert.Contains("rsdk-no-such-tool-xyz", result.StartFailure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeout_kills_the_whole_process_tree()
    {
        if (!OperatingSystem.IsLinux()) return; // reads /proc to see the grandchild
        using var dir = new TempDirectory();
        var pidFile = Path.Combine(dir.Path, "child.pid");

        // The shell starts a grandchild (sleep) and waits: killing only the shell would leave sleep running.
        var result = await Shell($"sleep 60 & echo $! > '{pidFile}'; wait", TimeSpan.FromMilliseconds(700));

        Assert.True(result.TimedOut);
        Assert.Null(result.ExitCode);
        var child = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(IsRunning(child), $"the grandchild {child} survived the timeout");
    }

    [Fact]
    public async Task Cancellation_kills_the_process_and_throws()
    {
        if (OperatingSystem.IsWindows()) return;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Shell("sleep 60", TimeSpan.FromMinutes(5), cancel.Token));
    }

    [Fact]
    public async Task The_given_environment_replaces_the_inherited_one()
    {
        if (OperatingSystem.IsWindows()) return;
        var environment = new Dictionary<string, string?> { ["PATH"] = Environment.GetEnvironmentVariable("PATH"), ["RSDK_GATE_VALUE"] = "42" };

        var result = await Runner.RunAsync("/bin/sh", ["-c", "echo \"$RSDK_GATE_VALUE:${HOME:-nohome}\""], Path.GetTempPath(), environment, TimeSpan.FromMinutes(1), default);

        Assert.Equal("42:nohome\n", result.StandardOutput);
    }

    /// <summary>Alive and not a zombie (a killed orphan stays a zombie until its new parent reaps it; in a container
    /// without an init that may be never). SIGKILL is delivered asynchronously, so look a few times before concluding.</summary>
    private static bool IsRunning(int pid)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat)) return false;
            string text;
            try { text = File.ReadAllText(stat); }
            catch (IOException) { return false; }
            var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
            if (state is "Z" or "X") return false;
            Thread.Sleep(100);
        }
        return true;
    }
}
