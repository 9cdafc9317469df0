using System.Text.Json;
using LibGit2Sharp;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Git.Writing;

/// <summary>
/// The journal of one release as a git note on the release tag's commit (<c>refs/notes/release-sdk</c>), pushed after
/// every entry so a rerun on a fresh clone finds it (semantic-release keeps its channel data in git notes the same way).
/// The note is JSON: <c>{"tag": "v1.2.0", "done": {"github:release": "https://…", …}}</c>. A rejected push (someone
/// else's journal entry landed first) is merged and retried; a push that keeps failing is reported (RSDK4108), never thrown:
/// the release itself is done by then.
/// </summary>
internal sealed class GitNotesReleaseJournal : IReleaseJournal
{
    public const string NotesRef = "refs/notes/release-sdk";
    private const string NotesNamespace = "release-sdk";
    private const int PushAttempts = 3;

    private readonly string _repositoryPath;
    private readonly GitRemoteCommands _remote;
    private readonly RemoteTarget _target;
    private readonly GitCredentials? _credentials;
    private readonly string _tag;
    private readonly ObjectId _commit;
    private readonly Action<Diagnostic> _warn;
    private readonly SortedDictionary<string, string> _done = new(StringComparer.Ordinal);
    private bool _warned;

    private GitNotesReleaseJournal(string repositoryPath, GitRemoteCommands remote, RemoteTarget target, GitCredentials? credentials, string tag, ObjectId commit, Action<Diagnostic> warn)
    {
        _repositoryPath = repositoryPath;
        _remote = remote;
        _target = target;
        _credentials = credentials;
        _tag = tag;
        _commit = commit;
        _warn = warn;
    }

    /// <summary>Opens the journal of <paramref name="tag"/> (which must be local), reading the remote's notes first.</summary>
    public static IReleaseJournal Open(string repositoryPath, GitRemoteCommands remote, RemoteTarget target, GitCredentials? credentials, string tag, Action<Diagnostic> warn)
    {
        ObjectId commit;
        using (var repository = new Repository(repositoryPath))
        {
            commit = repository.Tags[tag]?.PeeledTarget?.Id
                ?? throw new ReleaseException(DiagnosticCatalog.LocalWriteFailed, $"The release tag {tag} is not in the local repository, so its journal cannot be opened.");
        }
        var journal = new GitNotesReleaseJournal(repositoryPath, remote, target, credentials, tag, commit, warn);
        try
        {
            journal.FetchNotes();
            journal.Merge(journal.ReadNote());
        }
        catch (ReleaseException e)
        {
            journal.Warn($"Reading the release journal from the remote failed, so this run cannot tell which publish steps an earlier run finished: {e.Message}");
        }
        return journal;
    }

    public IReadOnlyDictionary<string, string> Entries => _done;

    public bool IsDone(string key) => _done.ContainsKey(key);

    public void MarkDone(string key, string detail = "")
    {
        _done[key] = detail;
        for (var attempt = 1; attempt <= PushAttempts; attempt++)
        {
            try
            {
                WriteNote();
                var result = _remote.Push(_target, [$"{NotesRef}:{NotesRef}"], _credentials);
                if (result.Accepted) return;
                // Another run's entry landed first: take the remote's notes, keep ours on top, try again.
                FetchNotes();
                Merge(ReadNote());
            }
            catch (ReleaseException e)
            {
                Warn($"The entry '{key}' is recorded locally only: {e.Message}");
                return;
            }
        }
        Warn($"The entry '{key}' is recorded locally only: the remote kept rejecting {NotesRef} after {PushAttempts} attempts.");
    }

    private void FetchNotes()
    {
        if (_remote.ListRefs(_target, [NotesRef], _credentials).ContainsKey(NotesRef))
            _remote.Fetch(_target, NotesRef, NotesRef, _credentials);
    }

    private Dictionary<string, string> ReadNote()
    {
        using var repository = new Repository(_repositoryPath);
        var note = repository.Notes[NotesNamespace, _commit];
        if (note is null) return [];
        try
        {
            using var document = JsonDocument.Parse(note.Message);
            if (!document.RootElement.TryGetProperty("done", out var done) || done.ValueKind != JsonValueKind.Object) return [];
            return done.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : "", StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            Warn($"The journal note on {_tag} is not Release.Sdk's JSON; it is replaced by this run's entries.");
            return [];
        }
    }

    private void Merge(Dictionary<string, string> entries)
    {
        foreach (var (key, detail) in entries) _done.TryAdd(key, detail);
    }

    private void WriteNote()
    {
        var json = JsonSerializer.Serialize(new JournalNote(_tag, _done), JournalJson.Options);
        using var repository = new Repository(_repositoryPath);
        var signature = new Signature("Release.Sdk", "release-sdk@users.noreply.github.com", DateTimeOffset.UtcNow);
        try
        {
            repository.Notes.Add(_commit, json + "\n", signature, signature, NotesNamespace);
        }
        catch (LibGit2SharpException e)
        {
            throw new ReleaseException(DiagnosticCatalog.LocalWriteFailed, $"Could not write the journal note on {_tag}: {e.Message}", e);
        }
    }

    private void Warn(string message)
    {
        if (_warned) return;
        _warned = true;
        _warn(new Diagnostic(DiagnosticCatalog.JournalNotSaved, message + " See RSDK4108."));
    }

    private sealed record JournalNote(string Tag, IReadOnlyDictionary<string, string> Done);

    private static class JournalJson
    {
        public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };
    }
}
