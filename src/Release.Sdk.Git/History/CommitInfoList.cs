using System.Collections;
using Release.Sdk.Engine.History;

namespace Release.Sdk.Git.History;

/// <summary>
/// Commits of a walk, materialised one at a time from the store: 100k commits since the first commit stay a 400 KB
/// index array instead of 100k records with their messages held at once.
/// </summary>
internal sealed class CommitInfoList(CommitStore store, int[] indices) : IReadOnlyList<CommitInfo>
{
    public int Count => indices.Length;

    /// <summary>The store this walk came from.</summary>
    public CommitStore Store => store;

    /// <summary>The store index of the commit at <paramref name="position"/>, without materialising it.</summary>
    public int StoreIndexAt(int position) => indices[position];

    public CommitInfo this[int index]
    {
        get
        {
            lock (store)
            {
                var e = store[indices[index]];
                return new CommitInfo(
                    e.Id.ToSha(),
                    store.MessageOf(e),
                    e.ParentCount,
                    store.StringAt(e.AuthorName),
                    store.StringAt(e.AuthorEmail),
                    DateTimeOffset.FromUnixTimeSeconds(e.CommitterSeconds).ToOffset(TimeSpan.FromMinutes(e.CommitterOffsetMinutes)));
            }
        }
    }

    public IEnumerator<CommitInfo> GetEnumerator()
    {
        for (var i = 0; i < indices.Length; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
