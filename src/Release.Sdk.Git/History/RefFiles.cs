namespace Release.Sdk.Git.History;

/// <summary>
/// Reads the branches and tags a build needs straight from the ref files (<c>packed-refs</c> plus loose files under
/// <c>refs/heads</c>, <c>refs/tags</c>, <c>refs/remotes/origin</c>; a loose ref wins over its packed entry), which is
/// ~10× cheaper than enumerating them through libgit2 in a repository with a thousand tags. Returns null for anything
/// it does not fully understand (the reftable backend, a malformed line, a symbolic ref chain that does not end), and
/// the caller enumerates through libgit2 instead.
/// </summary>
internal sealed class RefFiles
{
    /// <summary>The refs a build looks at (also what <see cref="GitDirectories.RefsFingerprint"/> watches).</summary>
    internal static readonly string[] Areas = ["refs/heads/", "refs/tags/", "refs/remotes/origin/"];
    private const int MaxSymbolicDepth = 5;

    private readonly Dictionary<string, string> _values;

    private RefFiles(Dictionary<string, string> values, Dictionary<string, ObjectKey> peeled, List<FileStamp> looseStamps)
    {
        _values = values;
        Peeled = peeled;
        LooseStamps = looseStamps;
    }

    /// <summary>Size and write time of every loose ref file read, as <see cref="GitDirectories.RefsFingerprint"/> takes them.</summary>
    public IReadOnlyList<FileStamp> LooseStamps { get; }

    /// <summary>What <c>packed-refs</c> says a packed annotated tag peels to (the fully peeled object, of any type).</summary>
    public IReadOnlyDictionary<string, ObjectKey> Peeled { get; }

    /// <summary>Every ref of the areas read, by full name.</summary>
    public IEnumerable<string> Names => _values.Keys;

    public static RefFiles? TryRead(string commonGitDirectory)
    {
        try
        {
            if (Directory.Exists(Path.Combine(commonGitDirectory, "reftable"))) return null;
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var peeled = new Dictionary<string, ObjectKey>(StringComparer.Ordinal);
            var stamps = new List<FileStamp>();
            if (!ReadPacked(Path.Combine(commonGitDirectory, "packed-refs"), values, peeled)) return null;
            foreach (var area in Areas)
            {
                var directory = Path.Combine(commonGitDirectory, area);
                if (!Directory.Exists(directory)) continue;
                foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
                {
                    // git never names a ref *.lock; such a file is another process's lock in flight.
                    if (file.EndsWith(".lock", StringComparison.Ordinal))
                    {
                        stamps.Add(FileStamp.Of(file));
                        continue;
                    }
                    var name = area + Path.GetRelativePath(directory, file).Replace(Path.DirectorySeparatorChar, '/');
                    var content = ReadSmall(file, stamps);
                    if (!IsValue(content)) return null;
                    values[name] = content.StartsWith("ref: ", StringComparison.Ordinal) ? content : content.ToLowerInvariant();
                    peeled.Remove(name);   // a loose ref overrides the packed one, and with it the packed peel
                }
            }
            return new RefFiles(values, peeled, stamps);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The commit HEAD of <paramref name="gitDirectory"/> (a worktree's own) names, through these refs; null when unborn or unclear.</summary>
    public ObjectKey? Head(string gitDirectory) => ObjectKey.TryParse(ReadHead(gitDirectory)?.Sha, out var key) ? key : null;

    /// <summary>What HEAD says: the ref it names (null when detached) and the commit that ends at (null when unborn).</summary>
    internal sealed record HeadState(string? RefName, string? Sha);

    /// <returns>null when HEAD cannot be read or is neither a symbolic ref nor a commit id.</returns>
    public HeadState? ReadHead(string gitDirectory)
    {
        string head;
        try { head = File.ReadAllText(Path.Combine(gitDirectory, "HEAD")).Trim(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        if (head.StartsWith("ref: ", StringComparison.Ordinal))
        {
            var name = head[5..].Trim();
            return new HeadState(name, Resolve(name));
        }
        return ObjectKey.TryParse(head, out _) ? new HeadState(null, head.ToLowerInvariant()) : null;
    }

    /// <summary>Every tag with the object it points at (not peeled: an annotated tag's own id).</summary>
    /// <remarks>A loop, not LINQ: LINQ over tuples is framework generic code that ReadyToRun images cannot hold, and
    /// every new build process compiled a dozen such methods here (~6 ms), with no tag at all.</remarks>
    public List<(string Name, string Target)> TagTargets()
    {
        var targets = new List<(string Name, string Target)>();
        foreach (var name in _values.Keys)
        {
            if (name.StartsWith("refs/tags/", StringComparison.Ordinal) && Resolve(name) is { } target)
                targets.Add((name["refs/tags/".Length..], target));
        }
        return targets;
    }

    /// <summary>The commit-or-object id a ref ends at after following symbolic refs; null when it ends nowhere.</summary>
    public string? Resolve(string name)
    {
        for (var depth = 0; depth <= MaxSymbolicDepth; depth++)
        {
            if (!_values.TryGetValue(name, out var value)) return null;
            if (!value.StartsWith("ref: ", StringComparison.Ordinal)) return value;
            name = value[5..].Trim();
        }
        return null;
    }

    /// <summary>True when the ref is stored as a symbolic ref (e.g. refs/remotes/origin/HEAD).</summary>
    public bool IsSymbolic(string name) => _values.TryGetValue(name, out var value) && value.StartsWith("ref: ", StringComparison.Ordinal);

    private static bool ReadPacked(string path, Dictionary<string, string> values, Dictionary<string, ObjectKey> peeled)
    {
        if (!File.Exists(path)) return true;
        string? previous = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            if (line[0] == '^')
            {
                if (previous is null || !ObjectKey.TryParse(line[1..].Trim(), out var target)) return false;
                if (InAreas(previous)) peeled[previous] = target;
                continue;
            }
            var space = line.IndexOf(' ');
            if (space != ObjectKey.Size * 2 || !ObjectKey.TryParse(line[..space], out _)) return false;
            previous = line[(space + 1)..];
            if (InAreas(previous)) values[previous] = line[..space].ToLowerInvariant();
        }
        return true;
    }

    /// <summary>A loose ref file's content, trimmed, and its stamp: one open, one read into a stack buffer.</summary>
    private static string ReadSmall(string path, List<FileStamp> stamps)
    {
        using var handle = File.OpenHandle(path);
        stamps.Add(new FileStamp(path, RandomAccess.GetLength(handle), File.GetLastWriteTimeUtc(handle).Ticks));
        Span<byte> buffer = stackalloc byte[512];
        var length = RandomAccess.Read(handle, buffer, 0);
        // Longer than any sha or symbolic ref git writes: let the validation reject it.
        if (length == buffer.Length) return "";
        return System.Text.Encoding.UTF8.GetString(buffer[..length]).Trim();
    }

    private static bool InAreas(string name) => Areas.Any(a => name.StartsWith(a, StringComparison.Ordinal));

    private static bool IsValue(string content) =>
        content.StartsWith("ref: refs/", StringComparison.Ordinal) || ObjectKey.TryParse(content, out _);
}
