using System.Text;

namespace Release.Sdk.Git.History;

/// <summary>
/// Where a repository's files are. In a linked worktree HEAD lives in the worktree's git directory while refs,
/// objects, the shallow file and our cache live in the common directory; elsewhere both are the same.
/// </summary>
internal sealed record GitDirectories(string GitDirectory, string CommonDirectory)
{
    public static GitDirectories From(string gitDirectory)
    {
        var gitDir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(gitDirectory));
        var commonFile = Path.Combine(gitDir, "commondir");
        var common = gitDir;
        if (File.Exists(commonFile))
        {
            var relative = File.ReadAllText(commonFile).Trim();
            if (relative.Length > 0) common = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(gitDir, relative)));
        }
        return new GitDirectories(gitDir, common);
    }

    public string ShallowFile => Path.Combine(CommonDirectory, "shallow");

    /// <summary>The commits at the shallow boundary (git pretends they have no parents); empty for a complete clone.</summary>
    public IReadOnlySet<ObjectKey> ReadShallowBoundary()
    {
        var result = new HashSet<ObjectKey>();
        if (!File.Exists(ShallowFile)) return result;
        foreach (var line in File.ReadAllLines(ShallowFile))
        {
            if (ObjectKey.TryParse(line.Trim(), out var key)) result.Add(key);
        }
        return result;
    }

    /// <summary>Identifies the current shallow grafts ("" for a complete clone).</summary>
    public string ShallowFingerprint()
    {
        if (!File.Exists(ShallowFile)) return "";
        var content = File.ReadAllBytes(ShallowFile);
        return content.Length == 0 ? "" : FingerprintHash.Of(content);
    }

    /// <summary>
    /// Changes whenever HEAD, a branch, a tag or the shallow grafts may have changed, without opening the repository:
    /// HEAD and the ref it names are read; packed-refs and the loose refs of <see cref="RefFiles.Areas"/> are compared
    /// by size and write time.
    /// </summary>
    /// <param name="looseStamps">The loose refs' stamps when they were just taken while reading them (<see cref="RefFiles"/>);
    /// null to take them here.</param>
    public string RefsFingerprint(IReadOnlyList<FileStamp>? looseStamps = null)
    {
        var text = new StringBuilder();
        var head = ReadSmallFile(Path.Combine(GitDirectory, "HEAD"));
        text.Append("HEAD=").Append(head).Append('\n');
        if (head.StartsWith("ref: ", StringComparison.Ordinal))
        {
            var refName = head[5..].Trim();
            if (refName.StartsWith("refs/", StringComparison.Ordinal) && !refName.Contains(".."))
            {
                text.Append(refName).Append('=').Append(ReadSmallFile(Path.Combine(CommonDirectory, refName))).Append('\n');
            }
        }
        FileStamp.Of(Path.Combine(CommonDirectory, "packed-refs")).AppendTo(text);
        FileStamp.Of(ShallowFile).AppendTo(text);
        var stamps = looseStamps ?? LooseRefStamps();
        foreach (var stamp in stamps.OrderBy(s => s.Path, StringComparer.Ordinal)) stamp.AppendTo(text);
        return FingerprintHash.Of(text.ToString());
    }

    private List<FileStamp> LooseRefStamps()
    {
        var stamps = new List<FileStamp>();
        foreach (var area in RefFiles.Areas)
        {
            var dir = Path.Combine(CommonDirectory, area);
            if (!Directory.Exists(dir)) continue;
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)) stamps.Add(FileStamp.Of(file));
        }
        return stamps;
    }

    private static string ReadSmallFile(string path)
    {
        try { return File.Exists(path) ? File.ReadAllText(path).Trim() : ""; }
        catch (IOException) { return ""; }
    }
}
