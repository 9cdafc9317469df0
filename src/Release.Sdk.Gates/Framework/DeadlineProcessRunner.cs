namespace Release.Sdk.Gates.Framework;

/// <summary>
/// The process runner a gate gets from <see cref="GateRunner"/>: every tool run is held to what is left of the gate's
/// own time limit, whatever timeout the gate asked for, so a gate cannot outlive its limit by starting tools.
/// </summary>
internal sealed class DeadlineProcessRunner(IGateProcessRunner inner, DateTimeOffset deadline, Func<DateTimeOffset> now) : IGateProcessRunner
{
    public Task<GateProcessResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var left = deadline - now();
        if (left < TimeSpan.Zero) left = TimeSpan.Zero;
        var limit = timeout == Timeout.InfiniteTimeSpan || timeout > left ? left : timeout;
        return inner.RunAsync(fileName, arguments, workingDirectory, environment, limit, cancellationToken);
    }
}
