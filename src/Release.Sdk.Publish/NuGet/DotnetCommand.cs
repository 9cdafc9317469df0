using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Release.Sdk.Publish.NuGet;

/// <param name="Output">stdout and stderr interleaved as they came, with every secret replaced by ***.</param>
/// <param name="Started">False when the dotnet host itself could not be started.</param>
internal sealed record DotnetResult(int ExitCode, string Output, bool TimedOut, bool Started = true)
{
    public bool Succeeded => Started && !TimedOut && ExitCode == 0;
}

/// <summary>
/// Runs the dotnet CLI as a child process (dotnet nuget push, dotnet tool run). Secrets travel only in the child's
/// arguments; they are scrubbed from everything it prints before anyone (log, error message) sees it.
/// </summary>
internal static class DotnetCommand
{
    public static DotnetResult Run(IReadOnlyList<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, IReadOnlyCollection<string> secrets)
    {
        var psi = new ProcessStartInfo(HostPath(environment))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) psi.ArgumentList.Add(argument);
        // The release run's environment (what the plugin was given) wins over the process's own.
        foreach (var (name, value) in environment)
        {
            if (value is null) psi.Environment.Remove(name); else psi.Environment[name] = value;
        }
        psi.Environment.TryAdd("DOTNET_NOLOGO", "1");
        psi.Environment.TryAdd("DOTNET_CLI_TELEMETRY_OPTOUT", "1");
        psi.Environment.TryAdd("DOTNET_SKIP_FIRST_TIME_EXPERIENCE", "1");

        var output = new StringBuilder();
        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            return new DotnetResult(-1, $"{psi.FileName} could not be started: {e.Message}", TimedOut: false, Started: false);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExit(timeout);
        if (!exited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        string text;
        lock (output) text = output.ToString();
        return new DotnetResult(exited ? process.ExitCode : -1, Redact(text, secrets), TimedOut: !exited);
    }

    public static string Redact(string text, IEnumerable<string> secrets) =>
        secrets.Where(s => s.Length > 0).Aggregate(text, (current, secret) => current.Replace(secret, "***", StringComparison.Ordinal));

    /// <summary>Last lines of a child's output, for error messages (the whole output can be long).</summary>
    public static string Tail(string output, int lines = 15)
    {
        var all = output.TrimEnd().Split('\n');
        return all.Length <= lines ? string.Join('\n', all) : "…\n" + string.Join('\n', all[^lines..]);
    }

    // MSBuild sets DOTNET_HOST_PATH for the tasks and processes it starts; dotnet-release itself runs under dotnet.
    private static string HostPath(IReadOnlyDictionary<string, string?> environment)
    {
        if (environment.TryGetValue("DOTNET_HOST_PATH", out var host) && !string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return self;
        return "dotnet";
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null) return;
        lock (output) output.Append(line).Append('\n');
    }
}
