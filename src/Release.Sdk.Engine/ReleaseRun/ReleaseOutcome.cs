namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>How a release run ended.</summary>
internal enum ReleaseOutcome
{
    /// <summary>Nothing to release: no relevant commit, not a release branch, a pull request, or already released.</summary>
    NoRelease,

    /// <summary>A dry run computed the plan and wrote nothing.</summary>
    Planned,

    /// <summary>The release was made (or a previous run's was completed).</summary>
    Released,

    /// <summary>The remote branch moved: nothing tagged, the run's work undone; the next run releases.</summary>
    Skipped,

    /// <summary>A coded error stopped the run; see <see cref="ReleaseRunResult.Error"/>.</summary>
    Failed,
}
