namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>
/// The release run's port on git's write side (like @semantic-release/git): check the tree, commit the release assets,
/// tag, push. Release.Sdk.Git implements it (LibGit2Sharp for local work, the git CLI for network operations so
/// credential helpers, ssh and proxies behave as users expect); tests implement it in memory. Tokens travel only in
/// <see cref="GitCredentials"/> and must never appear in messages, exceptions or logs.
/// </summary>
internal interface IReleaseRepository
{
    string WorkingDirectory { get; }

    string HeadSha { get; }

    /// <summary>Work-tree paths (relative, '/'-separated) with uncommitted changes, untracked files included.</summary>
    IReadOnlyList<string> DirtyPaths();

    /// <summary>The URL of <paramref name="remote"/> (credentials stripped), or null when there is no such remote.</summary>
    string? RemoteUrl(string remote);

    /// <summary>Fetches <paramref name="branch"/> from <paramref name="remote"/> without touching local branches; its tip, or null when the remote has no such branch.</summary>
    string? FetchRemoteBranchTip(string remote, string branch, GitCredentials? credentials);

    /// <summary>The commit a tag points at on <paramref name="remote"/> (peeled), or null when the remote has no such tag.</summary>
    string? RemoteTagTarget(string remote, string tag, GitCredentials? credentials);

    /// <summary>The commit a local tag points at (peeled), or null.</summary>
    string? LocalTagTarget(string tag);

    /// <summary>Stages exactly <paramref name="paths"/> and commits them on the current branch; the new sha, or null when none of them changed.</summary>
    string? Commit(IReadOnlyList<string> paths, string message, GitIdentity author, GitIdentity committer);

    void CreateAnnotatedTag(string tag, string targetSha, string message, GitIdentity tagger);

    void DeleteLocalTag(string tag);

    /// <summary>Pushes all <paramref name="refspecs"/> atomically (all or none) to <paramref name="remote"/>.</summary>
    PushResult Push(string remote, IReadOnlyList<string> refspecs, GitCredentials? credentials);

    /// <summary>
    /// The message of the annotated release tag (fetched from <paramref name="remote"/> with its commit when it is not
    /// local), or null when there is no such tag or it is a lightweight one. A rerun reads the release notes back from it.
    /// </summary>
    string? TagMessage(string remote, string tag, GitCredentials? credentials) => null;

    /// <summary>
    /// The journal of the release <paramref name="tag"/>: which publish/success side effects are done. Git keeps it as a
    /// note on the tag's commit (refs/notes/release-sdk), pushed to <paramref name="remote"/> on every change, so a rerun on
    /// a fresh clone finds it. Problems saving it are reported through <paramref name="warn"/>, never thrown.
    /// </summary>
    IReleaseJournal OpenJournal(string remote, string tag, GitCredentials? credentials, Action<Diagnostics.Diagnostic> warn) => new MemoryReleaseJournal();
}
