using System.Diagnostics;
using System.Text;

namespace Release.Sdk.TestKit;

/// <summary>
/// A server a test starts as a separate process (a registry, Prometheus, smtp4dev): its standard output and error are
/// kept, for failure messages and to tell a port taken after it was probed (<see cref="LoopbackPorts.SaysPortTaken"/>);
/// disposing stops its whole process tree. Started on construction.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public ServerProcess(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>What it printed so far, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Whether it has exited and its output (read to the end first) says a port it was given was taken.</summary>
    public bool ExitedBecausePortTaken()
    {
        if (!_process.HasExited) return false;
        _process.WaitForExit(10_000); // the rest of its output
        return LoopbackPorts.SaysPortTaken(Output);
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(20_000);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        _process.Dispose();
    }
}
