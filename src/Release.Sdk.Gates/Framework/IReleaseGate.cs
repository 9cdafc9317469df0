namespace Release.Sdk.Gates.Framework;

/// <summary>
/// One quality gate: runs, measures, and says pass / warn / fail with its figures. A gate that cannot run (tool
/// missing, input missing) returns Fail with the reason — never a silent pass. Gates are independent of each other so
/// the runner can run them in parallel.
/// </summary>
internal interface IReleaseGate
{
    /// <summary>The gate's name in reports and errors (the ReleaseGate item's Include), e.g. "coverage".</summary>
    string Name { get; }

    Task<GateResult> RunAsync(GateContext context, CancellationToken cancellationToken);
}
