using System.Collections;
using System.Text;
using Release.Sdk.Engine.History;

namespace Release.Sdk.Git.History;

/// <summary>
/// Commits of a walk, materialised one at a time from the store: 100k commits since the first commit stay a 400 KB
/// index array instead of 100k records with their messages held at once.
/// </summary>
internal sealed class CommitInfoList : IReadOnlyList<CommitInfo>, ICommitTextSource
{
    private readonly int[] _indices;
    private readonly CommitEntry[] _entries;
    private readonly byte[] _messages;
    private readonly string[] _strings;

    /// <remarks>
    /// Takes the store's tables as they are now, so reading items needs no lock: the engine parses 100k commits on every
    /// core at once, and a lock per item made them queue on each other (more time than the parsing). The store only
    /// appends, and the listed commits' entries are final (their details were loaded before the list was made); a later
    /// append may move the tables to larger copies, leaving these intact.
    /// </remarks>
    public CommitInfoList(CommitStore store, int[] indices)
    {
        Store = store;
        _indices = indices;
        lock (store)
        {
            _entries = store.Entries.Items;
            _messages = store.MessageBuffer;
            _strings = [.. store.Strings];
        }
    }

    public int Count => _indices.Length;

    /// <summary>The store this walk came from.</summary>
    public CommitStore Store { get; }

    /// <summary>The store index of the commit at <paramref name="position"/>, without materialising it.</summary>
    public int StoreIndexAt(int position) => _indices[position];

    /// <summary>The id of the commit at <paramref name="position"/>, without materialising it.</summary>
    public ObjectKey IdAt(int position) => _entries[_indices[position]].Id;

    public CommitInfo this[int index]
    {
        get
        {
            var e = _entries[_indices[index]];
            return new CommitInfo(
                e.Id.ToSha(),
                Encoding.UTF8.GetString(_messages, e.MessageStart, e.MessageLength),
                e.ParentCount,
                _strings[e.AuthorName],
                _strings[e.AuthorEmail],
                DateTimeOffset.FromUnixTimeSeconds(e.CommitterSeconds).ToOffset(TimeSpan.FromMinutes(e.CommitterOffsetMinutes)));
        }
    }

    public int WriteMessage(int index, ref char[] buffer)
    {
        ref readonly var e = ref _entries[_indices[index]];
        var bytes = _messages.AsSpan(e.MessageStart, e.MessageLength);
        // UTF-8 never takes fewer bytes than UTF-16 takes chars; invalid bytes become U+FFFD as in the indexer's GetString.
        if (buffer.Length < bytes.Length) buffer = new char[Math.Max(bytes.Length, buffer.Length * 2)];
        return Encoding.UTF8.GetChars(bytes, buffer);
    }

    public int WriteSha(int index, ref char[] buffer)
    {
        if (buffer.Length < ObjectKey.Size * 2) buffer = new char[ObjectKey.Size * 2];
        _entries[_indices[index]].Id.WriteSha(buffer);
        return ObjectKey.Size * 2;
    }

    public IEnumerator<CommitInfo> GetEnumerator()
    {
        for (var i = 0; i < _indices.Length; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
