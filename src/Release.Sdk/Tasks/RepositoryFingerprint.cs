using System.Text;
using Release.Sdk.Git.History;

namespace Release.Sdk.Tasks;

/// <summary>
/// A cheap fingerprint of everything in a git repository that can change a version — where it is, HEAD and every
/// ref (<see cref="GitDirectories.RefsFingerprint"/>), and the configuration files at its root — read from
/// the file system without opening the repository, so a cache hit costs a walk over refs/.
/// </summary>
internal static class RepositoryFingerprint
{
    /// <summary>
    /// Every place semantic-release looks for configuration, as (directory, pattern): the loader reads the JSON ones and
    /// refuses the others, so adding, removing or editing any of them must change the fingerprint.
    /// </summary>
    private static readonly (string Directory, string Pattern)[] ConfigFiles =
        [("", ".releaserc*"), ("", "release.config.*"), ("", "package.json"), (".config", "releaserc*")];

    /// <summary>The fingerprint, or null when <paramref name="startDirectory"/> is not inside a git work tree.</summary>
    public static string? Compute(string startDirectory)
    {
        if (FindGitDirectory(startDirectory) is not var (workTree, gitDir)) return null;
        var directories = GitDirectories.From(gitDir);
        var text = new StringBuilder();
        text.Append(directories.GitDirectory).Append('\n').Append(directories.RefsFingerprint()).Append('\n');
        foreach (var (directory, pattern) in ConfigFiles)
        {
            var full = Path.Combine(workTree, directory);
            if (!Directory.Exists(full)) continue;
            foreach (var file in Directory.EnumerateFiles(full, pattern).Order(StringComparer.Ordinal)) FileStamp.Of(file).AppendTo(text);
        }
        return text.ToString();
    }

    /// <summary>The work tree and git directory (following a worktree's or submodule's <c>.git</c> file).</summary>
    private static (string WorkTree, string GitDir)? FindGitDirectory(string startDirectory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
        {
            var dotGit = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(dotGit)) return (dir.FullName, dotGit);
            if (!File.Exists(dotGit)) continue;
            const string prefix = "gitdir:";
            var line = File.ReadAllText(dotGit).Trim();
            if (line.StartsWith(prefix, StringComparison.Ordinal))
                return (dir.FullName, Path.GetFullPath(line[prefix.Length..].Trim(), dir.FullName));
        }
        return null;
    }
}
