using Release.Sdk.Engine.Commits;

namespace Release.Sdk.Engine.Analysis;

/// <summary>
/// conventional-commits-filter 5.0.0 <c>RevertedCommitsFilter</c> over commits newest first: a revert is held until
/// an older commit in the range matches its revert data (<c>header</c> and <c>hash</c>, both trimmed and compared
/// exactly — an abbreviated sha in "This reverts commit" never matches); then both are dropped. The first held revert
/// (in the order they were met) wins. Reverts whose target is not in the range stay and count as reverts.
/// </summary>
internal static class RevertedCommitsFilter
{
    /// <returns>Index → sha of the commit that cancels it (the revert for the reverted commit, and vice versa).</returns>
    public static IReadOnlyDictionary<int, string> FindCancelled(IReadOnlyList<ConventionalCommit> commitsNewestFirst, IReadOnlyList<int> indices)
    {
        var cancelled = new Dictionary<int, string>();
        var held = new Dictionary<(string? Header, string? Hash), Queue<int>>();
        foreach (var index in indices)
        {
            var commit = commitsNewestFirst[index];
            var key = KeyOf(commit);
            if (held.TryGetValue(key, out var reverts) && reverts.Count > 0)
            {
                var revert = reverts.Dequeue();
                cancelled[index] = commitsNewestFirst[revert].Source.Sha;
                cancelled[revert] = commit.Source.Sha;
                continue;
            }

            if (TargetOf(commit) is { } data)
            {
                var target = (data.Header, data.Hash);
                if (!held.TryGetValue(target, out var queue)) held[target] = queue = new Queue<int>();
                queue.Enqueue(index);
            }
        }

        return cancelled;
    }

    /// <summary>What a revert of <paramref name="commit"/> must name to cancel it: its trimmed header and hash fields.</summary>
    public static (string? Header, string? Hash) KeyOf(ConventionalCommit commit) => (Trim(commit.Field("header")), Trim(commit.Field("hash")));

    /// <summary>The trimmed key a revert commit cancels, or null when <paramref name="commit"/> is no revert.</summary>
    public static CommitRevert? TargetOf(ConventionalCommit commit) =>
        commit.Revert is { } data ? new CommitRevert(Trim(data.Header), Trim(data.Hash)) : null;

    private static string? Trim(string? value) => value is null ? null : JsText.Trim(value);
}
