using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Engine.Tests.ReleaseRun;

/// <summary>
/// An in-memory repository with a work tree and an "origin": files per commit, a work tree compared against HEAD's
/// files (dirty paths), local and remote tags, a remote branch tip, pushes that can be rejected. Implements every
/// git/file port of the release run so each test sees one coherent state.
/// </summary>
internal sealed class FakeGit : IReleaseRepository, IReleaseFileSystem, ICommitAncestry, IWorkTreeReset
{
    private readonly Dictionary<string, (string? Parent, Dictionary<string, string> Files, string Message)> _commits = new(StringComparer.Ordinal);
    private int _next;

    public FakeGit(Dictionary<string, string>? files = null, string message = "feat: initial")
    {
        HeadSha = NewSha();
        _commits[HeadSha] = (null, new Dictionary<string, string>(files ?? [], StringComparer.Ordinal), message);
        WorkTree = new Dictionary<string, string>(files ?? [], StringComparer.Ordinal);
        RemoteBranchTip = HeadSha;
    }

    public string WorkingDirectory => "/fake/repo";
    public string HeadSha { get; private set; }
    public Dictionary<string, string> WorkTree { get; }
    public Dictionary<string, string> LocalTags { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> RemoteTags { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> OutsideFiles { get; } = new(StringComparer.Ordinal);
    public string? RemoteBranchTip { get; set; }
    public string? OriginUrl { get; set; } = "/srv/git/widget.git";
    public string? RejectPushWith { get; set; }
    public List<string> Events { get; } = [];
    public List<IReadOnlyList<string>> Pushes { get; } = [];
    public GitCredentials? LastCredentials { get; private set; }
    public Action? OnFetch { get; set; }
    public Dictionary<string, string> TagMessages { get; } = new(StringComparer.Ordinal);

    /// <summary>Journals by tag, kept across runs like the git notes pushed to the remote.</summary>
    public Dictionary<string, MemoryReleaseJournal> Journals { get; } = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> HeadFiles => _commits[HeadSha].Files;

    public string HeadMessage => _commits[HeadSha].Message;

    public int CommitCount => _commits.Count;

    /// <summary>Commits the whole work tree (a user's commit); returns its sha.</summary>
    public string CommitAll(string message)
    {
        var sha = NewSha();
        _commits[sha] = (HeadSha, new Dictionary<string, string>(WorkTree, StringComparer.Ordinal), message);
        HeadSha = sha;
        return sha;
    }

    /// <summary>A commit someone else pushed to origin on top of <paramref name="parent"/>.</summary>
    public string ForeignCommit(string parent)
    {
        var sha = NewSha();
        _commits[sha] = (parent, new Dictionary<string, string>(_commits[parent].Files, StringComparer.Ordinal), "fix: someone else");
        return sha;
    }

    public IReadOnlyList<string> DirtyPaths()
    {
        var head = HeadFiles;
        return WorkTree.Keys.Union(head.Keys)
            .Where(p => !head.TryGetValue(p, out var h) || !WorkTree.TryGetValue(p, out var w) || h != w)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public string? RemoteUrl(string remote) => remote == "origin" ? OriginUrl : null;

    public string? FetchRemoteBranchTip(string remote, string branch, GitCredentials? credentials)
    {
        OnFetch?.Invoke();
        Events.Add("fetch");
        return RemoteBranchTip;
    }

    public string? RemoteTagTarget(string remote, string tag, GitCredentials? credentials) => RemoteTags.GetValueOrDefault(tag);

    public string? LocalTagTarget(string tag) => LocalTags.GetValueOrDefault(tag);

    public string? Commit(IReadOnlyList<string> paths, string message, GitIdentity author, GitIdentity committer)
    {
        var files = new Dictionary<string, string>(HeadFiles, StringComparer.Ordinal);
        var changed = false;
        foreach (var path in paths)
        {
            if (WorkTree.TryGetValue(path, out var content))
            {
                changed |= !files.TryGetValue(path, out var old) || old != content;
                files[path] = content;
            }
            else changed |= files.Remove(path);
        }
        if (!changed) return null;
        var sha = NewSha();
        _commits[sha] = (HeadSha, files, message);
        HeadSha = sha;
        Events.Add($"commit {string.Join(",", paths)}");
        return sha;
    }

    public void CreateAnnotatedTag(string tag, string targetSha, string message, GitIdentity tagger)
    {
        if (LocalTags.ContainsKey(tag)) throw new InvalidOperationException($"tag {tag} exists");
        LocalTags[tag] = targetSha;
        TagMessages[tag] = message;
        Events.Add($"tag {tag}");
    }

    public void DeleteLocalTag(string tag)
    {
        LocalTags.Remove(tag);
        Events.Add($"delete-tag {tag}");
    }

    public PushResult Push(string remote, IReadOnlyList<string> refspecs, GitCredentials? credentials)
    {
        LastCredentials = credentials;
        Pushes.Add(refspecs);
        if (RejectPushWith is not null) return new PushResult(false, RejectPushWith);
        foreach (var refspec in refspecs)
        {
            var (source, target) = (refspec[..refspec.IndexOf(':')], refspec[(refspec.IndexOf(':') + 1)..]);
            if (target.StartsWith("refs/tags/", StringComparison.Ordinal)) RemoteTags[target["refs/tags/".Length..]] = LocalTags[source["refs/tags/".Length..]];
            else RemoteBranchTip = source == "HEAD" ? HeadSha : throw new InvalidOperationException(refspec);
        }
        Events.Add($"push {string.Join(" ", refspecs)}");
        return new PushResult(true);
    }

    public string? TagMessage(string remote, string tag, GitCredentials? credentials)
    {
        if (!LocalTags.ContainsKey(tag) && RemoteTags.TryGetValue(tag, out var target))
        {
            LocalTags[tag] = target;
            Events.Add($"fetch-tag {tag}");
        }
        return LocalTags.ContainsKey(tag) ? TagMessages.GetValueOrDefault(tag) : null;
    }

    public IReleaseJournal OpenJournal(string remote, string tag, GitCredentials? credentials, Action<Release.Sdk.Engine.Diagnostics.Diagnostic> warn) =>
        Journals.TryGetValue(tag, out var journal) ? journal : Journals[tag] = new MemoryReleaseJournal();

    public bool IsAncestor(string ancestorSha, string descendantSha)
    {
        for (string? sha = descendantSha; sha is not null; sha = _commits[sha].Parent)
        {
            if (sha == ancestorSha) return true;
        }
        return false;
    }

    public void ResetHard(string sha)
    {
        foreach (var tracked in HeadFiles.Keys.Union(_commits[sha].Files.Keys).ToList()) WorkTree.Remove(tracked);
        foreach (var (path, content) in _commits[sha].Files) WorkTree[path] = content;
        HeadSha = sha;
        Events.Add($"reset {sha}");
    }

    public string? ReadAllText(string path) => Path.IsPathRooted(path) ? OutsideFiles.GetValueOrDefault(path) : WorkTree.GetValueOrDefault(path);

    public void WriteAllText(string path, string content)
    {
        if (Path.IsPathRooted(path)) OutsideFiles[path] = content;
        else WorkTree[path] = content;
    }

    public void Delete(string path) => WorkTree.Remove(path);

    private string NewSha() => (++_next).ToString("x7", System.Globalization.CultureInfo.InvariantCulture) + new string('a', 33);
}
