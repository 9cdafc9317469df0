using LibGit2Sharp;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Git.Writing;

/// <summary>
/// Commits exactly the given work-tree paths on top of HEAD, like <c>git commit --only -- paths</c>: the new tree is
/// HEAD's tree with just those paths taken from the work tree (a path that no longer exists is deleted), so anything
/// else the user has staged stays staged and out of the release commit. No hooks run and nothing is signed.
/// </summary>
internal static class ReleaseCommitWriter
{
    /// <returns>The new commit, or null when none of the paths differs from HEAD.</returns>
    public static Commit? Commit(Repository repository, IReadOnlyList<string> paths, string message, GitIdentity author, GitIdentity committer)
    {
        var index = repository.Index;
        foreach (var path in paths) Stage(repository, index, path);
        index.Write();

        var parent = repository.Head.Tip;
        var tree = parent is null ? new TreeDefinition() : TreeDefinition.From(parent);
        foreach (var path in paths)
        {
            tree.Remove(path);
            foreach (var entry in index.Where(e => e.StageLevel == StageLevel.Staged && IsAtOrBelow(e.Path, path)))
                tree.Add(entry.Path, entry.Id, entry.Mode);
        }
        var newTree = repository.ObjectDatabase.CreateTree(tree);
        if (parent is not null && newTree.Id == parent.Tree.Id) return null;
        if (parent is null && newTree.Count == 0) return null;

        // prettify as `git commit -m` does (trailing whitespace, blank lines) without stripping '#' lines: notes have headings.
        var commit = repository.ObjectDatabase.CreateCommit(Signature(author), Signature(committer), message, newTree,
            parent is null ? [] : [parent], prettifyMessage: true, commentChar: null);
        MoveHead(repository, commit);
        return commit;
    }

    private static void Stage(Repository repository, LibGit2Sharp.Index index, string path)
    {
        var full = Path.Combine(repository.Info.WorkingDirectory, path);
        if (File.Exists(full) || IsSymbolicLink(full))
        {
            index.Add(path);
            return;
        }
        foreach (var entry in index.Where(e => IsAtOrBelow(e.Path, path)).Select(e => e.Path).Distinct().ToList())
            index.Remove(entry);
        if (!Directory.Exists(full)) return;
        // Like `git add --force dir`, which @semantic-release/git runs: every file below, ignored or not.
        foreach (var file in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(repository.Info.WorkingDirectory, file).Replace('\\', '/');
            if (!relative.Split('/').Contains(".git")) index.Add(relative);
        }
    }

    private static bool IsSymbolicLink(string path) => new FileInfo(path).LinkTarget is not null;

    private static bool IsAtOrBelow(string entryPath, string path) =>
        entryPath == path || entryPath.StartsWith(path + "/", StringComparison.Ordinal);

    private static void MoveHead(Repository repository, Commit commit)
    {
        var log = "commit: " + commit.MessageShort;
        var head = repository.Refs.Head;
        if (head is SymbolicReference symbolic)
        {
            var branch = repository.Refs[symbolic.TargetIdentifier];
            if (branch is null) repository.Refs.Add(symbolic.TargetIdentifier, commit.Id, log);
            else repository.Refs.UpdateTarget(branch, commit.Id, log);
        }
        else
        {
            repository.Refs.UpdateTarget(head, commit.Id, log);
        }
    }

    private static Signature Signature(GitIdentity identity) => new(identity.Name, identity.Email, identity.When);
}
