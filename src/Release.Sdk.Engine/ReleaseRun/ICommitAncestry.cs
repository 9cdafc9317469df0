namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>Ancestry between local commits (<c>git merge-base --is-ancestor</c>), used to tell "the remote moved" from "we are ahead".</summary>
internal interface ICommitAncestry
{
    /// <summary>True when <paramref name="ancestorSha"/> is <paramref name="descendantSha"/> or one of its ancestors.</summary>
    bool IsAncestor(string ancestorSha, string descendantSha);
}
