using System.Text;

namespace Release.Sdk.TestKit;

/// <summary>
/// A real git repository in a temp directory, driven with the git CLI, with fixed author/committer dates so shas
/// are reproducible. <see cref="Dump"/> prints the history for failure messages.
/// </summary>
public sealed class TempGitRepo : IDisposable
{
    private int _tick;

    public string Path { get; }

    public TempGitRepo(string? path = null, bool init = true, string initialBranch = "main")
    {
        Path = path ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rsdk-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
        if (init) Git("init", "-q", "-b", initialBranch);
    }

    /// <summary>Base for fixed dates: 2024-06-01T00:00:00Z plus one minute per commit.</summary>
    public static readonly DateTimeOffset BaseDate = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public string Git(params string[] args) => GitWithEnv(null, args);

    public string GitWithEnv(IReadOnlyDictionary<string, string?>? extra, params string[] args)
    {
        var env = new Dictionary<string, string?>
        {
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
            ["GIT_AUTHOR_NAME"] = "Test Author",
            ["GIT_AUTHOR_EMAIL"] = "author@example.com",
            ["GIT_COMMITTER_NAME"] = "Test Committer",
            ["GIT_COMMITTER_EMAIL"] = "committer@example.com",
            ["TZ"] = "UTC",
            ["LC_ALL"] = "C",
        };
        var date = BaseDate.AddMinutes(_tick).ToString("yyyy-MM-ddTHH:mm:ssZ");
        env["GIT_AUTHOR_DATE"] = date;
        env["GIT_COMMITTER_DATE"] = date;
        if (extra is not null) foreach (var (k, v) in extra) env[k] = v;
        var r = ProcessRunner.Run("git", ["-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", .. args], Path, env, TimeSpan.FromMinutes(2));
        if (r.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)} failed ({r.ExitCode}):\n{r.Output}");
        return r.StdOut.TrimEnd('\n');
    }

    /// <summary>Commits (allowing empty) with the given full message; returns the new sha.</summary>
    public string Commit(string message, string? file = null)
    {
        _tick++;
        var name = file ?? $"file{_tick % 7}.txt";
        var full = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.AppendAllText(full, $"change {_tick}\n");
        Git("add", "--", name);
        var msgFile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"rsdk-msg-{Guid.NewGuid():N}.txt");
        File.WriteAllText(msgFile, message, new UTF8Encoding(false));
        try { Git("commit", "-q", "--cleanup=verbatim", "-F", msgFile); }
        finally { File.Delete(msgFile); }
        return Head;
    }

    public string Head => Git("rev-parse", "HEAD");

    public void Tag(string name, string? target = null, string? annotation = null)
    {
        _tick++;
        if (annotation is null) Git(["tag", name, .. target is null ? Array.Empty<string>() : [target]]);
        else Git(["tag", "-a", name, "-m", annotation, .. target is null ? Array.Empty<string>() : [target]]);
    }

    public void Checkout(string branch, bool create = false) =>
        Git(create ? ["checkout", "-q", "-b", branch] : ["checkout", "-q", branch]);

    /// <summary>Merges with a merge commit (no fast-forward).</summary>
    public string Merge(string branch, string? message = null)
    {
        _tick++;
        Git("merge", "-q", "--no-ff", "-m", message ?? $"Merge branch '{branch}'", branch);
        return Head;
    }

    /// <summary>
    /// Clones <paramref name="source"/> into a new temp repository through a file:// URL (so <c>--depth</c> is honoured,
    /// as with a CI checkout); <paramref name="options"/> go to <c>git clone</c>, e.g. "--depth", "3".
    /// </summary>
    public static TempGitRepo Clone(TempGitRepo source, params string[] options)
    {
        var clone = new TempGitRepo(init: false);
        clone.Git(["clone", "-q", .. options, new Uri(source.Path).AbsoluteUri, "."]);
        return clone;
    }

    public string Dump() => Git("log", "--graph", "--decorate", "--all", "--format=%h %d %s");

    public void Dispose()
    {
        try { DeleteDirectory(Path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public static void DeleteDirectory(string path)
    {
        if (!Directory.Exists(path)) return;
        foreach (var f in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
            File.SetAttributes(f, FileAttributes.Normal);
        Directory.Delete(path, true);
    }
}
