namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>Everything outside the engine a release run touches.</summary>
/// <param name="Plugins">Lifecycle plugins (gates, GitHub, NuGet, notifiers), called in order after each step's hook.</param>
internal sealed record ReleaseRunPorts(
    IReleaseRepository Repository,
    IHookRunner Hooks,
    IReleaseFileSystem Files,
    ICommitAncestry Ancestry,
    IWorkTreeReset Reset,
    TimeProvider Clock,
    IReadOnlyList<IReleasePlugin>? Plugins = null);
