namespace Release.Sdk.Gates.Framework;

internal enum GatesMode
{
    /// <summary>Any failed gate stops the release (coded error RSDK5001).</summary>
    Block,

    /// <summary>Failures are reported (warning RSDK5006) but nothing is blocked: for trying gates out on a live pipeline.</summary>
    Report,
}

/// <summary>The gates run's own settings (ReleaseGatesMode, ReleaseGatesParallelism, ReleaseGateTimeout, …).</summary>
/// <param name="Parallelism">How many gates run at once (ReleaseGatesParallelism; default: half the cores, 1 to 4).</param>
/// <param name="DefaultTimeout">A gate's limit unless its item says otherwise (ReleaseGateTimeout; default 20 minutes).</param>
/// <param name="InNotes">Add the gate summary table to the release notes (ReleaseGatesInNotes).</param>
/// <param name="OutputDirectory">Where release-gates.json/.md and each gate's folder go (ReleaseGatesOutput), or null for the caller's default (obj/).</param>
/// <param name="Project">The project or solution the gates check (ReleaseGatesProject), or null for the caller's default.</param>
internal sealed record GatesOptions(
    GatesMode Mode,
    int Parallelism,
    TimeSpan DefaultTimeout,
    bool InNotes,
    string? OutputDirectory,
    string? Project)
{
    public static TimeSpan StandardTimeout { get; } = TimeSpan.FromMinutes(20);

    public static int StandardParallelism => Math.Clamp(Environment.ProcessorCount / 2, 1, 4);

    public static GatesOptions Default { get; } = new(GatesMode.Block, StandardParallelism, StandardTimeout, false, null, null);
}
