namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>
/// Which side effects of one release are done, kept where a rerun on another machine finds them (git notes on the
/// release tag's commit, pushed with the release). Keys are "plugin:what", e.g. "github:release", "notify:slack:success".
/// </summary>
internal interface IReleaseJournal
{
    bool IsDone(string key);

    /// <summary>Records <paramref name="key"/> as done (with a short detail, e.g. a URL) and persists it at once.</summary>
    void MarkDone(string key, string detail = "");
}

/// <summary>A journal that forgets: dry runs, and runs that push nothing.</summary>
internal sealed class MemoryReleaseJournal : IReleaseJournal
{
    private readonly Dictionary<string, string> _done = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Entries => _done;

    public bool IsDone(string key) => _done.ContainsKey(key);

    public void MarkDone(string key, string detail = "") => _done[key] = detail;
}
