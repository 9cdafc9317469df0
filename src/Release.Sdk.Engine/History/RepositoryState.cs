namespace Release.Sdk.Engine.History;

/// <summary>Where HEAD is and what kind of clone this is.</summary>
/// <param name="HeadSha">The commit HEAD points at; null for an empty repository (no commits yet).</param>
/// <param name="BranchName">The checked-out branch's short name; null when HEAD is detached.</param>
/// <param name="IsShallow">True for a shallow clone (history cut off at a graft point).</param>
/// <param name="WorkingDirectory">Repository work tree root.</param>
/// <param name="GitDirectory">The .git directory (for cache keys).</param>
internal sealed record RepositoryState(
    string? HeadSha,
    string? BranchName,
    bool IsShallow,
    string WorkingDirectory,
    string GitDirectory);
