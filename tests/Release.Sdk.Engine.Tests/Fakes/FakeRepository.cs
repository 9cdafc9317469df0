using System.Globalization;
using System.Text;
using Release.Sdk.Engine.History;

namespace Release.Sdk.Engine.Tests.Fakes;

/// <summary>
/// An in-memory git history for engine tests: commits with parents, branches, tags, HEAD (on a branch or
/// detached) and an optional shallow boundary. Shas are readable: commit n is <c>000000n</c> followed by 'a's,
/// so its short sha is <c>000000n</c>. Commits are ordered newest first by creation, like <c>git log</c> with
/// increasing dates. <see cref="Dump"/> prints the history for assertion messages.
/// </summary>
internal sealed class FakeRepository : IRepositoryHistory
{
    private readonly Dictionary<string, (CommitInfo Info, List<string> Parents, int Index)> _commits = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _branches = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _remoteBranches = new(StringComparer.Ordinal);
    private readonly List<GitTag> _tags = [];
    private readonly HashSet<string> _shallowBoundary = new(StringComparer.Ordinal);
    private string? _currentBranch;
    private string? _detachedHead;

    public FakeRepository(string initialBranch = "main") => _currentBranch = initialBranch;

    public string? CurrentBranch => _currentBranch;

    public string Head => (_currentBranch is not null ? _branches.GetValueOrDefault(_currentBranch) : _detachedHead)
        ?? throw new InvalidOperationException("No commit yet.");

    public RepositoryState State => new(
        _currentBranch is not null ? _branches.GetValueOrDefault(_currentBranch) : _detachedHead,
        _currentBranch,
        _shallowBoundary.Count > 0,
        "/fake/repo",
        "/fake/repo/.git");

    public IReadOnlyList<GitBranch> Branches =>
    [
        .. _branches.Select(b => new GitBranch(b.Key, b.Value)),
        .. _remoteBranches.Where(b => !_branches.ContainsKey(b.Key)).Select(b => new GitBranch(b.Key, b.Value, IsRemote: true)),
    ];

    public IReadOnlyList<GitTag> Tags => _tags;

    /// <summary>Commits one change on HEAD; returns the new sha.</summary>
    public string Commit(string message) => AddCommit(message, HasHead ? [Head] : []);

    public FakeRepository Commits(params string[] messages)
    {
        foreach (var m in messages) Commit(m);
        return this;
    }

    public FakeRepository Tag(string name, string? sha = null)
    {
        _tags.Add(new GitTag(name, sha ?? Head));
        return this;
    }

    /// <summary>Creates a branch at HEAD (or <paramref name="at"/>) without checking it out.</summary>
    public FakeRepository Branch(string name, string? at = null)
    {
        _branches[name] = at ?? Head;
        return this;
    }

    public FakeRepository DeleteBranch(string name)
    {
        if (name == _currentBranch) throw new InvalidOperationException($"Cannot delete the checked-out branch {name}.");
        _branches.Remove(name);
        return this;
    }

    /// <summary>A remote-tracking branch of origin (e.g. a CI clone that has origin/main but no local main).</summary>
    public FakeRepository RemoteBranch(string name, string sha)
    {
        _remoteBranches[name] = sha;
        return this;
    }

    public FakeRepository Checkout(string name, bool create = false)
    {
        if (create) Branch(name);
        else if (!_branches.ContainsKey(name)) throw new InvalidOperationException($"No branch {name}.");
        _currentBranch = name;
        _detachedHead = null;
        return this;
    }

    public FakeRepository Detach(string? sha = null)
    {
        _detachedHead = sha ?? Head;
        _currentBranch = null;
        return this;
    }

    /// <summary>A merge commit of <paramref name="branch"/> into HEAD (no fast-forward).</summary>
    public string Merge(string branch, string? message = null) =>
        AddCommit(message ?? $"Merge branch '{branch}'", [Head, _branches[branch]]);

    /// <summary>Moves the current branch to <paramref name="branch"/>'s tip (a fast-forward merge).</summary>
    public FakeRepository FastForward(string branch)
    {
        _branches[_currentBranch!] = _branches[branch];
        return this;
    }

    /// <summary>Makes this a shallow clone whose history stops at <paramref name="boundaryShas"/> (their parents are cut off).</summary>
    public FakeRepository Shallow(params string[] boundaryShas)
    {
        foreach (var sha in boundaryShas) _shallowBoundary.Add(sha);
        return this;
    }

    public IReadOnlySet<string> TagsReachableFrom(string commitSha)
    {
        var reachable = Ancestors([commitSha]);
        return _tags.Where(t => reachable.Contains(t.CommitSha)).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<CommitInfo> CommitsSince(string headSha, IReadOnlyCollection<string> excludeShas) =>
        Walk(headSha, excludeShas).Select(sha => _commits[sha]).OrderByDescending(c => c.Index).Select(c => c.Info).ToList();

    public bool WalkHitsShallowBoundary(string headSha, IReadOnlyCollection<string> excludeShas) =>
        Walk(headSha, excludeShas).Any(sha => _shallowBoundary.Contains(sha) && _commits[sha].Parents.Count > 0);

    public string Dump()
    {
        var text = new StringBuilder();
        text.AppendLine($"HEAD: {(_currentBranch ?? "(detached)")} at {State.HeadSha?[..7]}{(State.IsShallow ? " (shallow)" : "")}");
        foreach (var (sha, (info, parents, _)) in _commits.OrderByDescending(c => c.Value.Index))
        {
            var refs = _branches.Where(b => b.Value == sha).Select(b => b.Key)
                .Concat(_remoteBranches.Where(b => b.Value == sha).Select(b => "origin/" + b.Key))
                .Concat(_tags.Where(t => t.CommitSha == sha).Select(t => "tag: " + t.Name));
            var decoration = refs.Any() ? $" ({string.Join(", ", refs)})" : "";
            text.AppendLine($"{sha[..7]} [{string.Join(" ", parents.Select(p => p[..7]))}]{decoration} {info.Message.Split('\n')[0]}");
        }
        return text.ToString();
    }

    public override string ToString() => Dump();

    private bool HasHead => (_currentBranch is not null && _branches.ContainsKey(_currentBranch)) || _detachedHead is not null;

    private string AddCommit(string message, List<string> parents)
    {
        var index = _commits.Count + 1;
        var sha = index.ToString("x7", CultureInfo.InvariantCulture) + new string('a', 33);
        var info = new CommitInfo(sha, message, parents.Count, "Test Author", "author@example.com",
            new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(index));
        _commits[sha] = (info, parents, index);
        if (_currentBranch is not null) _branches[_currentBranch] = sha;
        else _detachedHead = sha;
        return sha;
    }

    private IEnumerable<string> ParentsInView(string sha) => _shallowBoundary.Contains(sha) ? [] : _commits[sha].Parents;

    private HashSet<string> Ancestors(IEnumerable<string> starts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(starts.Where(_commits.ContainsKey));
        while (stack.Count > 0)
        {
            var sha = stack.Pop();
            if (!seen.Add(sha)) continue;
            foreach (var parent in ParentsInView(sha)) stack.Push(parent);
        }
        return seen;
    }

    private IEnumerable<string> Walk(string headSha, IReadOnlyCollection<string> excludeShas)
    {
        var excluded = Ancestors(excludeShas);
        return Ancestors([headSha]).Where(sha => !excluded.Contains(sha));
    }
}
