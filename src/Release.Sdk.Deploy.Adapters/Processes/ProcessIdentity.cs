using System.Runtime.InteropServices;

namespace Release.Sdk.Deploy.Adapters.Processes;

/// <summary>
/// A process recorded in a state file: its pid and the kernel's start time for it (field 22 of /proc/PID/stat), so a
/// pid reused by another process after a reboot or wrap-around is never signalled.
/// </summary>
internal sealed partial record ProcessIdentity(int Pid, string StartTime)
{
    private const int SigKill = 9;
    private const int SigTerm = 15;

    /// <summary>Running and the same process (zombies count as exited: they only wait to be reaped).</summary>
    public bool IsAlive()
    {
        var stat = ReadStat(Pid);
        if (stat is null) return false;
        var fields = stat.Value.AfterName;
        return fields[0] != "Z" && fields[0] != "X" && (StartTime.Length == 0 || fields[19] == StartTime);
    }

    public void Terminate() => Signal(SigTerm);

    public void Kill() => Signal(SigKill);

    /// <summary>SIGTERM, wait up to <paramref name="grace"/> for a graceful exit, then SIGKILL. True if it had to be killed.</summary>
    public async Task<bool> StopAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        if (!IsAlive()) return false;
        Terminate();
        var deadline = DateTime.UtcNow + grace;
        while (DateTime.UtcNow < deadline)
        {
            if (!IsAlive()) return false;
            await Task.Delay(25, cancellationToken);
        }
        Kill();
        for (var i = 0; i < 200 && IsAlive(); i++) await Task.Delay(10, cancellationToken);
        return true;
    }

    public static string? ReadStartTime(int pid) => ReadStat(pid)?.AfterName[19];

    private void Signal(int signal)
    {
        if (IsAlive()) _ = SendSignal(Pid, signal);
    }

    /// <summary>/proc/PID/stat split after the command name (which may contain spaces and parentheses): [0] = state.</summary>
    private static (string Name, string[] AfterName)? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var close = text.LastIndexOf(')');
        if (close < 0) return null;
        return (text[..close], text[(close + 2)..].Split(' '));
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
