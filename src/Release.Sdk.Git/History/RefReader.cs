using LibGit2Sharp;
using Release.Sdk.Engine.History;

namespace Release.Sdk.Git.History;

/// <summary>
/// Reads branches and tags, from the ref files when <see cref="RefFiles"/> understands them, else through libgit2;
/// tags are peeled with the help of the store's memory of tag objects, and libgit2 is asked only about objects
/// neither knows.
/// </summary>
internal static class RefReader
{
    public static IReadOnlyList<GitBranch> ReadBranches(RefFiles refs)
    {
        var local = new Dictionary<string, GitBranch>(StringComparer.Ordinal);
        var remote = new Dictionary<string, GitBranch>(StringComparer.Ordinal);
        foreach (var name in refs.Names)
        {
            if (name.StartsWith(Heads, StringComparison.Ordinal))
            {
                if (refs.Resolve(name) is { } tip) local[name[Heads.Length..]] = new GitBranch(name[Heads.Length..], tip);
            }
            else if (name.StartsWith(OriginRemotes, StringComparison.Ordinal) && name != OriginRemotes + "HEAD" && !refs.IsSymbolic(name))
            {
                if (refs.Resolve(name) is { } tip) remote[name[OriginRemotes.Length..]] = new GitBranch(name[OriginRemotes.Length..], tip, IsRemote: true);
            }
        }
        return Ordered(local, remote);
    }

    public static IReadOnlyList<GitTag> ReadTags(RefFiles refs, Func<Repository> libGit2, CommitStore store)
    {
        var tags = new List<GitTag>();
        foreach (var name in refs.Names)
        {
            if (!name.StartsWith(Tags, StringComparison.Ordinal) || !ObjectKey.TryParse(refs.Resolve(name), out var id)) continue;
            var commit = Known(store, id)
                         ?? (refs.Peeled.TryGetValue(name, out var peeled) && IsStoredCommit(store, peeled) ? peeled : PeelToCommit(libGit2(), store, id));
            if (commit is { } c) tags.Add(new GitTag(name[Tags.Length..], c.ToSha()));
        }
        tags.Sort((a, b) => StringComparer.Ordinal.Compare(a.Name, b.Name));
        return tags;
    }

    private const string Heads = "refs/heads/";
    private const string OriginRemotes = "refs/remotes/origin/";
    private const string Tags = "refs/tags/";

    public static IReadOnlyList<GitBranch> ReadBranches(Repository repository)
    {
        var local = new Dictionary<string, GitBranch>(StringComparer.Ordinal);
        var remote = new Dictionary<string, GitBranch>(StringComparer.Ordinal);
        foreach (var reference in repository.Refs)
        {
            var name = reference.CanonicalName;
            if (name.StartsWith(Heads, StringComparison.Ordinal))
            {
                if (TipOf(reference) is { } tip) local[name[Heads.Length..]] = new GitBranch(name[Heads.Length..], tip);
            }
            else if (name.StartsWith(OriginRemotes, StringComparison.Ordinal) && name != OriginRemotes + "HEAD")
            {
                if (reference is DirectReference && TipOf(reference) is { } tip)
                    remote[name[OriginRemotes.Length..]] = new GitBranch(name[OriginRemotes.Length..], tip, IsRemote: true);
            }
        }
        return Ordered(local, remote);
    }

    private static GitBranch[] Ordered(Dictionary<string, GitBranch> local, Dictionary<string, GitBranch> remote) =>
        local.Values
            .Concat(remote.Values.Where(b => !local.ContainsKey(b.Name)))
            .OrderBy(b => b.IsRemote).ThenBy(b => b.Name, StringComparer.Ordinal)
            .ToArray();

    /// <summary>Tags peeled to commits; tags on trees, blobs or missing objects are left out.</summary>
    public static IReadOnlyList<GitTag> ReadTags(Repository repository, CommitStore store)
    {
        var tags = new List<GitTag>();
        foreach (var reference in repository.Refs.FromGlob(Tags + "*"))
        {
            var target = reference.ResolveToDirectReference()?.TargetIdentifier;
            if (!ObjectKey.TryParse(target, out var id)) continue;
            if (PeelToCommit(repository, store, id) is { } commit)
                tags.Add(new GitTag(reference.CanonicalName[Tags.Length..], commit.ToSha()));
        }
        tags.Sort((a, b) => StringComparer.Ordinal.Compare(a.Name, b.Name));
        return tags;
    }

    /// <summary>What the store already knows an object peels to: itself when it is a stored commit, or a remembered tag's target.</summary>
    /// <returns>null when the store does not know (or knows it peels to no commit — then libgit2 answers null again, from memory).</returns>
    private static ObjectKey? Known(CommitStore store, ObjectKey id)
    {
        lock (store)
        {
            if (store.TryGetIndex(id, out _)) return id;
            return store.TryGetPeeledTag(id, out var known) ? known : null;
        }
    }

    private static bool IsStoredCommit(CommitStore store, ObjectKey id)
    {
        lock (store) return store.TryGetIndex(id, out _);
    }

    private static ObjectKey? PeelToCommit(Repository repository, CommitStore store, ObjectKey id)
    {
        lock (store)
        {
            if (store.TryGetIndex(id, out _)) return id;
            if (store.TryGetPeeledTag(id, out var known)) return known;
        }

        // Objects never change, so what an existing object peels to is remembered for good; a missing one may yet arrive.
        var found = repository.Lookup(new ObjectId(id.ToBytes()));
        if (found is null) return null;
        while (found is TagAnnotation annotation) found = annotation.Target;
        ObjectKey? peeled = found is Commit commit ? ObjectKey.FromBytes(commit.Id.RawId) : null;
        lock (store) store.AddPeeledTag(id, peeled);
        return peeled;
    }

    private static string? TipOf(Reference reference) =>
        reference.ResolveToDirectReference()?.TargetIdentifier is { Length: 40 } sha ? sha : null;
}
