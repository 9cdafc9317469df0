using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Release.Sdk.Gates.Framework;

/// <summary>
/// Runs a gate's tool as a child process: arguments passed one by one (no shell quoting), stdin closed, stdout/stderr
/// captured, a time limit after which the whole process tree is killed (a test host or build server left behind would
/// hold files and cores), and cancellation that kills the tree too. A tool that cannot start (not installed, not on
/// PATH) is reported in <see cref="GateProcessResult.StartFailure"/> rather than thrown, so the gate can fail with the reason.
/// </summary>
internal sealed class ProcessGateRunner : IGateProcessRunner
{
    /// <summary>Output kept per stream: enough for any report, bounded so a chatty tool cannot exhaust memory.</summary>
    internal const int MaxCapturedChars = 4 * 1024 * 1024;

    public async Task<GateProcessResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (environment is not null)
        {
            // The given environment replaces the inherited one: gates see exactly what the caller passed (CI variables,
            // DOTNET_* settings), which keeps them reproducible and lets tests control them.
            start.Environment.Clear();
            foreach (var (name, value) in environment)
            {
                if (value is not null) start.Environment[name] = value;
            }
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception($"{fileName} did not start.");
        }
        catch (Win32Exception e)
        {
            return new GateProcessResult(null, "", "", false, $"{fileName} could not be started: {e.Message}");
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = new BoundedBuffer();
            var stderr = new BoundedBuffer();
            process.OutputDataReceived += (_, e) => stdout.AppendLine(e.Data);
            process.ErrorDataReceived += (_, e) => stderr.AppendLine(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                KillTree(process);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                return new GateProcessResult(null, stdout.ToString(), stderr.ToString(), TimedOut: true, null);
            }

            // WaitForExitAsync returns when the process exits and its redirected streams reach EOF.
            return new GateProcessResult(process.ExitCode, stdout.ToString(), stderr.ToString(), false, null);
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill: nothing left to stop.
        }
    }

    private sealed class BoundedBuffer
    {
        private readonly StringBuilder _text = new();
        private bool _truncated;

        public void AppendLine(string? line)
        {
            if (line is null) return;
            lock (_text)
            {
                if (_text.Length + line.Length + 1 > MaxCapturedChars)
                {
                    _truncated = true;
                    return;
                }
                _text.Append(line).Append('\n');
            }
        }

        public override string ToString()
        {
            lock (_text) return _truncated ? _text + "[output truncated]\n" : _text.ToString();
        }
    }
}
