using Release.Sdk.Engine.History;

namespace Release.Sdk.Engine.Versioning;

/// <summary>
/// The repository's tags that match the tag format and carry a valid version (get-tags.js), parsed once, plus the
/// per-commit view semantic-release gets from <c>git tag --merged &lt;branch&gt;</c>. Every tag starts on the
/// default channel (semantic-release without git notes); prerelease branches adjust that (see BranchNormalizer).
/// </summary>
internal sealed class ReleaseTagIndex
{
    private readonly IRepositoryHistory _history;
    private readonly IReadOnlyList<ReleaseTag> _all;
    private readonly Dictionary<string, IReadOnlyList<ReleaseTag>> _reachable = new(StringComparer.Ordinal);

    public ReleaseTagIndex(IRepositoryHistory history, TagFormat format)
    {
        _history = history;
        // Written out: ReadyToRun cannot precompile LINQ over our tuples, see docs/design/decisions.md.
        var all = new List<ReleaseTag>();
        foreach (var tag in history.Tags.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (format.TryParse(tag.Name) is { } version) all.Add(new ReleaseTag(tag.Name, version, tag.CommitSha, [null]));
        }
        _all = all;
    }

    public IReadOnlyList<ReleaseTag> All => _all;

    /// <summary>Release tags on <paramref name="commitSha"/> or its ancestors.</summary>
    public IReadOnlyList<ReleaseTag> ReachableFrom(string commitSha)
    {
        if (_all.Count == 0) return [];
        if (!_reachable.TryGetValue(commitSha, out var tags))
        {
            var names = _history.TagsReachableFrom(commitSha);
            tags = _all.Where(t => names.Contains(t.Name)).ToList();
            _reachable[commitSha] = tags;
        }
        return tags;
    }

    /// <summary>Release tags pointing exactly at <paramref name="commitSha"/>.</summary>
    public IReadOnlyList<ReleaseTag> At(string commitSha) => _all.Where(t => t.CommitSha == commitSha).ToList();
}
