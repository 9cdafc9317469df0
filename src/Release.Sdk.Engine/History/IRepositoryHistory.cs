using Release.Sdk.Engine.Analysis;

namespace Release.Sdk.Engine.History;

/// <summary>
/// The engine's only window on git: a small read-only port. Release.Sdk.Git implements it with LibGit2Sharp
/// (plus a persistent cache); tests implement it in memory.
/// </summary>
internal interface IRepositoryHistory
{
    RepositoryState State { get; }

    /// <summary>Local branches, plus remote-tracking branches of "origin" that have no local branch of the same name.</summary>
    IReadOnlyList<GitBranch> Branches { get; }

    /// <summary>All tags, peeled to commits (tags pointing at non-commits are left out).</summary>
    IReadOnlyList<GitTag> Tags { get; }

    /// <summary>Names of the tags whose commit is <paramref name="commitSha"/> or one of its ancestors (git tag --merged).</summary>
    IReadOnlySet<string> TagsReachableFrom(string commitSha);

    /// <summary>
    /// Commits reachable from <paramref name="headSha"/> but not from any of <paramref name="excludeShas"/>
    /// (git log ^x ^y head), newest first, merges included.
    /// </summary>
    IReadOnlyList<CommitInfo> CommitsSince(string headSha, IReadOnlyCollection<string> excludeShas);

    /// <summary>
    /// <see cref="TagsReachableFrom"/> for each of <paramref name="commitShas"/>, in order. For callers that ask about
    /// many commits of one history (changelog regeneration asks about every release tag): an implementation can read
    /// the history once and answer all of them in one pass.
    /// </summary>
    IReadOnlyList<IReadOnlySet<string>> TagsReachableFromEach(IReadOnlyList<string> commitShas) =>
        [.. commitShas.Select(TagsReachableFrom)];

    /// <summary>
    /// <see cref="CommitsSince"/> for each of <paramref name="walks"/>, in order, with the same lists in the same order.
    /// For callers that cut one history into many pieces: an implementation can read all messages at once and avoid
    /// walking the excluded ancestries again for every walk.
    /// </summary>
    IReadOnlyList<IReadOnlyList<CommitInfo>> CommitsSinceEach(IReadOnlyList<CommitWalk> walks) =>
        [.. walks.Select(w => CommitsSince(w.HeadSha, w.ExcludeShas))];

    /// <summary>
    /// True when the shallow boundary hides history that <see cref="CommitsSince"/> would need:
    /// i.e. the walk from <paramref name="headSha"/> excluding <paramref name="excludeShas"/> reached a graft point.
    /// Always false for a complete clone.
    /// </summary>
    bool WalkHitsShallowBoundary(string headSha, IReadOnlyCollection<string> excludeShas);

    /// <summary>A persistent cache of analyzed commits for this repository, or null (every commit is analyzed each time).</summary>
    IAnalyzedCommitCache? AnalyzedCommits => null;
}
