using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Cli.ReleaseRun;

/// <summary>Exec hooks through the platform shell, as @semantic-release/exec runs them: <c>/bin/sh -c</c> on Unix, <c>cmd /c</c> on Windows.</summary>
internal sealed class ShellHookRunner(TimeSpan timeout, TextWriter echo) : IHookRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    public HookResult Run(string commandLine, string workingDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        var result = OperatingSystem.IsWindows()
            ? BoundedProcess.Run("cmd.exe", ["/d", "/c", commandLine], workingDirectory, environment, timeout)
            : BoundedProcess.Run("/bin/sh", ["-c", commandLine], workingDirectory, environment, timeout);
        if (result.Succeeded && result.StandardOutput.Length > 0) echo.Write(result.StandardOutput);
        return result;
    }
}
