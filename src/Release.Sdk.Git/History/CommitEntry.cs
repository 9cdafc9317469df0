namespace Release.Sdk.Git.History;

/// <summary>
/// One commit's facts in a <see cref="CommitStore"/>; strings live in the store's tables, parents in its parent list.
/// The graph part (parents, committer time) is always there; the details (author, message, committer offset) may be
/// missing when the commit came from git's commit-graph file, and are read on demand.
/// </summary>
/// <param name="HasMissingParents">True when git reported a parent we could not read (a shallow boundary or a missing object).</param>
internal readonly record struct CommitEntry(
    ObjectKey Id,
    long CommitterSeconds,
    short CommitterOffsetMinutes,
    bool HasMissingParents,
    int ParentStart,
    int ParentCount,
    bool HasDetails,
    int AuthorName,
    int AuthorEmail,
    int MessageStart,
    int MessageLength);
