using System.Diagnostics;
using System.Text;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Git.Shallow;

namespace Release.Sdk.Git;

/// <summary>
/// Fetches the history and tags a shallow clone lacks, with the git CLI: libgit2 cannot deepen a shallow clone.
/// Runs only when the user asked for it (ReleaseDeepenShallowClone=true), with a bounded time.
/// </summary>
internal static class ShallowCloneDeepener
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <exception cref="ReleaseException">RSDK2002 when git is missing, fails or runs out of time.</exception>
    public static void Deepen(string workingDirectory, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var psi = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["fetch", "--unshallow", "--tags", "--quiet", "origin"]) psi.ArgumentList.Add(arg);
        // A build must never wait for someone to type a password.
        psi.Environment["GIT_TERMINAL_PROMPT"] = "0";
        psi.Environment["GCM_INTERACTIVE"] = "never";
        psi.Environment.Remove("GIT_DIR");
        psi.Environment.Remove("GIT_WORK_TREE");

        Process process;
        try { process = Process.Start(psi) ?? throw new InvalidOperationException("git did not start"); }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw Failed(workingDirectory, $"git could not be started: {e.Message}", e);
        }

        using (process)
        {
            process.StandardInput.Close();
            var stderr = new StringBuilder();
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
            process.OutputDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            if (!process.WaitForExit(limit))
            {
                try { process.Kill(entireProcessTree: true); }
                catch (InvalidOperationException) { }
                throw Failed(workingDirectory, $"git fetch --unshallow did not finish within {limit.TotalSeconds:0} s.", null);
            }
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                string error;
                lock (stderr) error = stderr.ToString().Trim();
                throw Failed(workingDirectory, $"git fetch --unshallow --tags origin exited with {process.ExitCode}: {error}", null);
            }
        }
    }

    private static ReleaseException Failed(string workingDirectory, string detail, Exception? inner) =>
        new(DiagnosticCatalog.DeepenFailed, CredentialScrubber.Scrub(
            $"Could not fetch the missing history of the shallow clone at {workingDirectory}: {detail} " +
            "Check that the 'origin' remote is reachable with the build's credentials, or check out with full history " +
            "(actions/checkout: fetch-depth: 0) and set ReleaseDeepenShallowClone=false."), inner);
}
