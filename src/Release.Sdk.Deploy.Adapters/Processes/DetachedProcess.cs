using System.Diagnostics;

namespace Release.Sdk.Deploy.Adapters.Processes;

/// <summary>
/// Starts a process that outlives its starter: a new session (setsid, so a Ctrl+C or the end of the CLI's process group
/// does not reach it), stdin from /dev/null and stdout/stderr appended to a log file (so it never holds the starter's
/// pipes open — MSBuild would wait for them). <c>exec</c> keeps the pid: the returned pid is the process itself.
/// </summary>
internal static class DetachedProcess
{
    public static ProcessIdentity Start(string fileName, IEnumerable<string> arguments, string logFile, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = workingDirectory, UseShellExecute = false };
        // $0 is the log file, the rest is the command line: no quoting of user paths inside the script.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("log=$0; exec setsid \"$@\" </dev/null >>\"$log\" 2>&1");
        start.ArgumentList.Add(logFile);
        start.ArgumentList.Add(fileName);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (environment is not null)
            foreach (var (name, value) in environment) start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var pid = process.Id;
        // The identity (pid + kernel start time) guards later signals against a recycled pid.
        return new ProcessIdentity(pid, ProcessIdentity.ReadStartTime(pid) ?? "");
    }

    /// <summary>The last lines of a log file, for error messages ("" when it does not exist).</summary>
    public static string Tail(string logFile, int lines = 15)
    {
        if (!File.Exists(logFile)) return "";
        try
        {
            using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines)).Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }
}
