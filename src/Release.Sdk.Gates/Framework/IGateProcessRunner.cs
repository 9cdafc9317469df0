namespace Release.Sdk.Gates.Framework;

/// <summary>The outcome of a tool run: exit code (null when it could not start or timed out) and its output.</summary>
internal sealed record GateProcessResult(int? ExitCode, string StandardOutput, string StandardError, bool TimedOut, string? StartFailure)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>Runs the tools gates need (dotnet, docfx, docker…) with a timeout, capturing output; the seam tests replace.</summary>
internal interface IGateProcessRunner
{
    Task<GateProcessResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment,
        TimeSpan timeout,
        CancellationToken cancellationToken);
}
