using System.Collections.Concurrent;
using Release.Sdk.Engine.History;

namespace Release.Sdk.Git.History;

/// <summary>
/// What the refs said at one moment (<see cref="Fingerprint"/>): HEAD, branches, tags, and the answers already given
/// for them. Reused by every later open of the same repository in this process until a ref changes.
/// </summary>
/// <param name="tags">Read on first use (peeling them may wait for the first build's history listing).</param>
internal sealed class RepositorySnapshot(string fingerprint, RepositoryState state, IReadOnlyList<GitBranch> branches, Func<IReadOnlyList<GitTag>> tags)
{
    private readonly Lazy<IReadOnlyList<GitTag>> _tags = new(tags);

    public string Fingerprint { get; } = fingerprint;

    public RepositoryState State { get; } = state;

    public IReadOnlyList<GitBranch> Branches { get; } = branches;

    public IReadOnlyList<GitTag> Tags => _tags.Value;

    public ConcurrentDictionary<string, IReadOnlySet<string>> ReachableTags { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, IReadOnlyList<CommitInfo>> CommitsSince { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, bool> HitsShallowBoundary { get; } = new(StringComparer.Ordinal);
}
