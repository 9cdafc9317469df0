namespace Release.Sdk.Router;

/// <summary>
/// Deterministic weighted choice between version groups, then round-robin inside the chosen group. Groups are chosen by
/// smooth weighted round-robin (the algorithm nginx uses for upstream weights): every pick adds each group's weight to
/// its running score, takes the group with the highest score and subtracts the total from it. Over any run of N picks
/// each group gets its share within one request of N × weight / total, so a 10 % canary gets 10 % of 1000 requests,
/// not "about 10 %" as weighted random would.
/// </summary>
internal sealed class WeightedSelector
{
    private readonly object _gate = new();
    private readonly Dictionary<string, long> _scores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ulong> _turns = new(StringComparer.Ordinal);

    /// <summary>Picks one candidate; groups with weight 0 or no candidate get nothing. Null when no group has weight.</summary>
    public T? Pick<T>(IReadOnlyList<T> candidates, Func<T, string> groupOf, Func<string, int> weightOf)
        where T : class
    {
        var byGroup = new SortedDictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            var group = groupOf(candidate);
            if (weightOf(group) <= 0) continue;
            if (!byGroup.TryGetValue(group, out var list)) byGroup[group] = list = [];
            list.Add(candidate);
        }
        if (byGroup.Count == 0) return null;

        lock (_gate)
        {
            string? best = null;
            long total = 0;
            foreach (var group in byGroup.Keys)
            {
                var weight = weightOf(group);
                total += weight;
                var score = (_scores.TryGetValue(group, out var s) ? s : 0) + weight;
                _scores[group] = score;
                if (best is null || score > _scores[best]) best = group;
            }
            _scores[best!] -= total;
            return RoundRobin(best!, byGroup[best!]);
        }
    }

    /// <summary>Round-robin over all candidates regardless of weights (the fallback when no weighted group can serve).</summary>
    public T? PickAny<T>(IReadOnlyList<T> candidates) where T : class
    {
        if (candidates.Count == 0) return null;
        lock (_gate) return RoundRobin("\0any", candidates);
    }

    private T RoundRobin<T>(string key, IReadOnlyList<T> members)
    {
        var turn = _turns.TryGetValue(key, out var t) ? t : 0;
        _turns[key] = turn + 1;
        return members[(int)(turn % (ulong)members.Count)];
    }
}
