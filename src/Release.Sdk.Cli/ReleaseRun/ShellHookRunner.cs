using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Cli.ReleaseRun;

/// <summary>Exec hooks through the platform shell, as @semantic-release/exec runs them: <c>/bin/sh -c</c> on Unix, <c>cmd /c</c> on Windows.</summary>
internal sealed class ShellHookRunner(TimeSpan timeout, TextWriter echo) : IHookRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    public HookResult Run(string commandLine, string workingDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        var result = OperatingSystem.IsWindows()
            // Like Node's shell option: /s strips exactly the outer quotes, so the command keeps its own quoting.
            ? BoundedProcess.RunVerbatim("cmd.exe", $"/d /s /c \"{commandLine}\"", workingDirectory, environment, timeout)
            : BoundedProcess.Run("/bin/sh", ["-c", commandLine], workingDirectory, environment, timeout);
        if (result.Succeeded && result.StandardOutput.Length > 0) echo.Write(result.StandardOutput);
        return result;
    }
}
