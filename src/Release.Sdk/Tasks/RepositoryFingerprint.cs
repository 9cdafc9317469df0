using System.Text;

namespace Release.Sdk.Tasks;

/// <summary>
/// A cheap fingerprint of everything in a git repository that can change a version: where it is, HEAD, every ref
/// (loose refs by name, size and time; packed-refs and the shallow file by size and time) and the semantic-release
/// config files at its root. Computed from the file system only, without opening the repository, so a cache hit
/// costs a directory walk over refs/.
/// </summary>
internal static class RepositoryFingerprint
{
    private static readonly string[] ConfigFileNames = [".releaserc.json", ".releaserc"];

    /// <summary>The fingerprint, or null when <paramref name="startDirectory"/> is not inside a git work tree.</summary>
    public static string? Compute(string startDirectory)
    {
        if (FindGitDirectory(startDirectory) is not var (workTree, gitDir)) return null;
        var commonDir = File.Exists(Path.Combine(gitDir, "commondir"))
            ? Path.GetFullPath(File.ReadAllText(Path.Combine(gitDir, "commondir")).Trim(), gitDir)
            : gitDir;

        var text = new StringBuilder();
        text.Append(gitDir).Append('\n');
        text.Append(ReadOrEmpty(Path.Combine(gitDir, "HEAD"))).Append('\n');
        AppendStamp(text, Path.Combine(commonDir, "packed-refs"));
        AppendStamp(text, Path.Combine(commonDir, "shallow"));
        foreach (var name in ConfigFileNames) AppendStamp(text, Path.Combine(workTree, name));
        var refs = new DirectoryInfo(Path.Combine(commonDir, "refs"));
        if (refs.Exists)
        {
            foreach (var file in refs.EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal))
                text.Append(file.FullName).Append(' ').Append(file.Length).Append(' ').Append(file.LastWriteTimeUtc.Ticks).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Stamps a file the way the fingerprint does (path, size, time, or "absent"), for other inputs such as an explicit config file.</summary>
    public static void AppendStamp(StringBuilder text, string path)
    {
        var file = new FileInfo(path);
        text.Append(path).Append(' ');
        text.Append(file.Exists ? $"{file.Length} {file.LastWriteTimeUtc.Ticks}" : "absent").Append('\n');
    }

    /// <summary>The work tree and git directory (following a worktree's or submodule's <c>.git</c> file).</summary>
    private static (string WorkTree, string GitDir)? FindGitDirectory(string startDirectory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
        {
            var dotGit = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(dotGit)) return (dir.FullName, dotGit);
            if (File.Exists(dotGit))
            {
                var line = ReadOrEmpty(dotGit).Trim();
                const string prefix = "gitdir:";
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                    return (dir.FullName, Path.GetFullPath(line[prefix.Length..].Trim(), dir.FullName));
            }
        }
        return null;
    }

    private static string ReadOrEmpty(string path) => File.Exists(path) ? File.ReadAllText(path) : "";
}
