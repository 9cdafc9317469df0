namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>Everything outside the engine a release run touches.</summary>
/// <param name="Plugins">Lifecycle plugins (gates, GitHub, NuGet, notifiers), called in order after each step's hook.</param>
/// <param name="Journal">Opens the journal of a release tag (null: an in-memory one).</param>
internal sealed record ReleaseRunPorts(
    IReleaseRepository Repository,
    IHookRunner Hooks,
    IReleaseFileSystem Files,
    ICommitAncestry Ancestry,
    IWorkTreeReset Reset,
    TimeProvider Clock,
    IReadOnlyList<IReleasePlugin>? Plugins = null,
    Func<string, IReleaseJournal>? Journal = null);
