namespace Release.Sdk.Engine.Analysis;

/// <summary>
/// <see cref="CommitAnalyzer.Analyze"/>'s verdict folded from <see cref="AnalyzedCommit"/> facts instead of parsed
/// commits: the same revert cancellation as <see cref="RevertedCommitsFilter"/> (held reverts matched in order, the
/// first held one wins), then the highest release type and the counts.
/// </summary>
internal static class AnalysisFold
{
    /// <param name="exactKeyOf">The exact (header, hash) key of commit <c>i</c>; asked only when its hash matches a held revert.</param>
    public static AnalysisSummary Summarize(IReadOnlyList<AnalyzedCommit> facts, Func<int, (string? Header, string? Hash)> exactKeyOf)
    {
        var cancelled = FindCancelled(facts, exactKeyOf);
        var bump = ReleaseType.None;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var releasing = 0;
        for (var i = 0; i < facts.Count; i++)
        {
            var f = facts[i];
            if (f.IsEmpty || f.Release == ReleaseType.None || (cancelled is not null && cancelled.Contains(i))) continue;
            releasing++;
            if (f.Release > bump) bump = f.Release;
            if (f.Type is { } type) counts[type] = counts.GetValueOrDefault(type) + 1;
        }
        return new AnalysisSummary(bump, counts, releasing);
    }

    private static HashSet<int>? FindCancelled(IReadOnlyList<AnalyzedCommit> facts, Func<int, (string? Header, string? Hash)> exactKeyOf)
    {
        HashSet<int>? cancelled = null;
        Dictionary<(string? Header, string? Hash), Queue<int>>? held = null;
        Dictionary<ulong, int>? heldKeys = null;
        for (var i = 0; i < facts.Count; i++)
        {
            var f = facts[i];
            if (f.IsEmpty) continue;
            if (heldKeys is not null && heldKeys.GetValueOrDefault(f.RevertKey) > 0
                && held!.TryGetValue(exactKeyOf(i), out var reverts) && reverts.Count > 0)
            {
                heldKeys[f.RevertKey]--;
                (cancelled ??= []).Add(reverts.Dequeue());
                cancelled.Add(i);
                continue;
            }

            if (f.Revert is { } target)
            {
                held ??= [];
                heldKeys ??= [];
                var key = (target.Header, target.Hash);
                if (!held.TryGetValue(key, out var queue)) held[key] = queue = new Queue<int>();
                queue.Enqueue(i);
                var hash = RevertKeys.Of(target.Header, target.Hash);
                heldKeys[hash] = heldKeys.GetValueOrDefault(hash) + 1;
            }
        }
        return cancelled;
    }
}
