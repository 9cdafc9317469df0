namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>
/// Puts the current branch, index and tracked files back to a commit (<c>git reset --hard</c>). The release run uses
/// it only to undo its own work after a failure, on a tree it verified clean at the start.
/// </summary>
internal interface IWorkTreeReset
{
    void ResetHard(string sha);
}
