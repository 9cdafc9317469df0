using System.ComponentModel;
using System.Diagnostics;

namespace Release.Sdk.Git.Writing;

/// <summary>
/// Runs the git CLI for network operations: bounded in time, stdin closed, never prompting, with the caller's extra
/// environment (credentials travel there, never in the arguments). The caller redacts the output.
/// </summary>
internal sealed class GitProcess(string workingDirectory, TimeSpan timeout, string executable = "git")
{
    public TimeSpan Timeout => timeout;

    public GitProcessResult Run(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var psi = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) psi.ArgumentList.Add(argument);
        // A build must never wait for someone to type a password or confirm a host key.
        psi.Environment["GIT_TERMINAL_PROMPT"] = "0";
        psi.Environment["GCM_INTERACTIVE"] = "never";
        psi.Environment.Remove("GIT_DIR");
        psi.Environment.Remove("GIT_WORK_TREE");
        psi.Environment.Remove("GIT_INDEX_FILE");
        foreach (var (key, value) in environment) psi.Environment[key] = value;

        Process process;
        try { process = Process.Start(psi) ?? throw new InvalidOperationException("the process did not start"); }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            return new GitProcessResult(-1, "", "", $"git could not be started ({e.Message}); make sure git is on PATH.");
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                try { process.Kill(entireProcessTree: true); }
                catch (InvalidOperationException) { }
                catch (Win32Exception) { }
                return new GitProcessResult(-1, "", "",
                    $"git {arguments.FirstOrDefault()} did not finish within {timeout.TotalSeconds:0} s and was stopped.");
            }
            process.WaitForExit();
            // A helper git started (a credential cache daemon) may keep the pipes open after git exits.
            try { Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(10)); }
            catch (AggregateException) { }
            return new GitProcessResult(process.ExitCode, Completed(stdout), Completed(stderr));
        }
    }

    private static string Completed(Task<string> read) => read.IsCompletedSuccessfully ? read.Result : "";
}
