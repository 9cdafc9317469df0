using System.Diagnostics;
using System.Text;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Cli.ReleaseRun;

/// <summary>Runs a child process with captured output and a time limit; a process past its limit is killed with its children.</summary>
internal static class BoundedProcess
{
    public static HookResult Run(string fileName, IReadOnlyList<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment, TimeSpan timeout)
    {
        var start = Start(fileName, workingDirectory);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return Run(start, environment, timeout);
    }

    /// <param name="commandLine">The arguments as one verbatim string (cmd.exe parses its own command line).</param>
    public static HookResult RunVerbatim(string fileName, string commandLine, string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment, TimeSpan timeout)
    {
        var start = Start(fileName, workingDirectory);
        start.Arguments = commandLine;
        return Run(start, environment, timeout);
    }

    private static ProcessStartInfo Start(string fileName, string workingDirectory) =>
        new(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };

    private static HookResult Run(ProcessStartInfo start, IReadOnlyDictionary<string, string?>? environment, TimeSpan timeout)
    {
        var fileName = start.FileName;
        if (environment is not null)
        {
            start.Environment.Clear();
            foreach (var (name, value) in environment)
            {
                if (value is not null) start.Environment[name] = value;
            }
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new HookResult(-1, "", $"{fileName} could not be started: {e.Message}");
        }
        using (process)
        {
            process.StandardInput.Close();
            var stdout = new StringBuilder();
            var stderr = new StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.Append(e.Data).Append('\n'); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.Append(e.Data).Append('\n'); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return new HookResult(-1, stdout.ToString(), stderr.ToString(), TimedOut: true);
            }
            process.WaitForExit();
            return new HookResult(process.ExitCode, stdout.ToString(), stderr.ToString());
        }
    }
}
