namespace Release.Sdk.Git.History;

/// <summary>
/// Finds the repository around a directory the way git does in the ordinary cases (a <c>.git</c> directory, or a
/// <c>.git</c> file naming the git directory of a linked worktree or submodule), without loading libgit2: loading it
/// costs 15-20 ms, a seventh of a build after a commit in a large repository. Anything else (a bare repository, no
/// repository at all, a configured <c>core.worktree</c>, an unreadable file) gives null and libgit2 decides, so this
/// can only answer what libgit2 would.
/// </summary>
internal static class RepositoryDiscovery
{
    /// <param name="GitDirectory">The repository's own git directory (a worktree's or submodule's, not the common one).</param>
    /// <param name="WorkingDirectory">The top of the working tree: where the <c>.git</c> entry was found.</param>
    internal sealed record Found(string GitDirectory, string WorkingDirectory);

    public static Found? TryFind(string startDirectory)
    {
        try
        {
            for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
            {
                var dotGit = Path.Combine(directory.FullName, ".git");
                if (Directory.Exists(dotGit)) return Checked(dotGit, directory.FullName);
                if (File.Exists(dotGit)) return FromGitFile(dotGit, directory.FullName);
                // A bare repository (or the inside of a git directory) is libgit2's to recognise.
                if (File.Exists(Path.Combine(directory.FullName, "HEAD")) && Directory.Exists(Path.Combine(directory.FullName, "objects"))) return null;
            }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>"gitdir: &lt;path&gt;", relative to the file's directory or absolute.</summary>
    private static Found? FromGitFile(string file, string workingDirectory)
    {
        var content = File.ReadAllText(file).Trim();
        if (!content.StartsWith("gitdir:", StringComparison.Ordinal)) return null;
        var target = content["gitdir:".Length..].Trim();
        if (target.Length == 0) return null;
        return Checked(Path.GetFullPath(Path.Combine(workingDirectory, target)), workingDirectory);
    }

    private static Found? Checked(string gitDirectory, string workingDirectory)
    {
        // Without HEAD it is not a repository to git either; with core.worktree the working tree is elsewhere.
        if (!File.Exists(Path.Combine(gitDirectory, "HEAD"))) return null;
        var config = Path.Combine(gitDirectory, "config");
        if (File.Exists(config) && File.ReadAllText(config).Contains("worktree", StringComparison.OrdinalIgnoreCase)) return null;
        return new Found(Path.TrimEndingDirectorySeparator(Path.GetFullPath(gitDirectory)), Path.TrimEndingDirectorySeparator(workingDirectory));
    }
}
