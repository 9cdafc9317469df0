using System.Diagnostics;
using Release.Sdk.Deploy.Journal;

namespace Release.Sdk.Cli.Deploy;

/// <summary>
/// ReleaseDeployWait=false: the deploy runs on in a child dotnet-release whose output goes to deploy.log in the state
/// directory; this process returns once the child holds the deploy lock (so 'deploy status' already sees it).
/// </summary>
internal static class DetachedDeploy
{
    public static int Start(CliContext context, JournalFiles files, IEnumerable<string> arguments)
    {
        Directory.CreateDirectory(files.Directory);
        var logPath = Path.Combine(files.Directory, "deploy.log");
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Under 'dotnet dotnet-release.dll' the process path is dotnet itself: pass the assembly first.
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            start.ArgumentList.Add(typeof(DetachedDeploy).Assembly.Location);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--log");
        start.ArgumentList.Add(logPath);
        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the deploy process.");
        child.StandardInput.Close();
        // The child writes to its log file only; closing our ends of its pipes does not affect it.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline && !child.HasExited && DeployLock.IsFree(files)) Thread.Sleep(100);
        if (child.HasExited && child.ExitCode != 0)
        {
            context.Error.WriteLine(File.Exists(logPath) ? File.ReadAllText(logPath) : $"the deploy process exited with {child.ExitCode}");
            return ExitCodes.Error;
        }
        context.Out.WriteLine($"deploy running in the background (pid {child.Id}); log: {logPath}");
        context.Out.WriteLine("follow it with 'dotnet-release deploy status', steer it with 'deploy promote' / 'deploy abort'");
        return ExitCodes.Success;
    }
}
