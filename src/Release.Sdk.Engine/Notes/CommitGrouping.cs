using System.Globalization;

namespace Release.Sdk.Engine.Notes;

/// <summary>
/// conventional-changelog-writer 8.x <c>getCommitGroups</c>: commits grouped by section in JavaScript object key
/// order (integer-like keys first, ascending; then first appearance), each group sorted by the concatenated
/// <c>commitsSort</c> fields with <c>localeCompare</c>, then the groups sorted by the preset's order. Sorts are stable
/// like V8's.
/// </summary>
internal static class CommitGrouping
{
    public static IReadOnlyList<(string Title, IReadOnlyList<NotesCommit> Commits)> Group(
        IReadOnlyList<NotesCommit> commits, IReadOnlyList<string> commitsSort, Comparison<string> groupOrder)
    {
        var byTitle = new Dictionary<string, List<NotesCommit>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var commit in commits)
        {
            var key = commit.Section ?? "";
            if (!byTitle.TryGetValue(key, out var list))
            {
                byTitle[key] = list = [];
                order.Add(key);
            }

            list.Add(commit);
        }

        var keys = order.Where(IsArrayIndex).OrderBy(k => uint.Parse(k, CultureInfo.InvariantCulture)).Concat(order.Where(k => !IsArrayIndex(k)));
        var groups = keys
            .Select(k => (Title: k, Commits: (IReadOnlyList<NotesCommit>)byTitle[k].OrderBy(c => SortKey(c, commitsSort), Comparer<string>.Create(JsCollation.Compare)).ToArray()))
            .ToList();
        return groups.OrderBy(g => g.Title, Comparer<string>.Create(groupOrder)).ToArray();
    }

    private static string SortKey(NotesCommit commit, IReadOnlyList<string> fields) =>
        string.Concat(fields.Select(f => commit.Field(f) ?? ""));

    /// <summary>JavaScript orders property names that are array indices (canonical integers below 2^32-1) first.</summary>
    private static bool IsArrayIndex(string key) =>
        key.Length > 0 && (key == "0" || key[0] != '0') && key.All(char.IsAsciiDigit)
        && ulong.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < uint.MaxValue;
}
