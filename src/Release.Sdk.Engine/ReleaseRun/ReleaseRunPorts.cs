namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>Everything outside the engine a release run touches.</summary>
internal sealed record ReleaseRunPorts(
    IReleaseRepository Repository,
    IHookRunner Hooks,
    IReleaseFileSystem Files,
    ICommitAncestry Ancestry,
    IWorkTreeReset Reset,
    TimeProvider Clock);
