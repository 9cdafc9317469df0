namespace Release.Sdk.Gates.Command;

/// <summary>How a command line written in a ReleaseGate item is handed to the platform's shell.</summary>
internal static class ShellCommand
{
    public static (string FileName, IReadOnlyList<string> Arguments) For(string commandLine) =>
        OperatingSystem.IsWindows()
            ? ("cmd.exe", ["/d", "/s", "/c", commandLine])
            : ("/bin/sh", ["-c", commandLine]);
}
