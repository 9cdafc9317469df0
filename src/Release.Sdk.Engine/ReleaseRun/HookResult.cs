namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>What a hook command did: exit code (-1 when it timed out or could not start), its standard output and error.</summary>
internal sealed record HookResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut = false)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;
}
