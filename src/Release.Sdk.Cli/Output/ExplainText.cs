using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Cli.Output;

/// <summary><c>explain</c>: a table of the commits since the last release (newest first) and the verdict they add up to.</summary>
internal static class ExplainText
{
    private const int SubjectWidth = 60;

    public static void Write(TextWriter output, VersionDecision decision)
    {
        var since = decision.PreviousTag ?? "the start of history";
        var decisions = decision.Analysis.Decisions;
        output.WriteLine(decisions.Count == 0
            ? $"No commits since {since} on {decision.Branch ?? "(detached HEAD)"}."
            : $"{decisions.Count} commit(s) since {since} on {decision.Branch ?? "(detached HEAD)"}, newest first:");

        if (decisions.Count > 0)
        {
            string[] header = ["COMMIT", "TYPE", "SCOPE", "BREAKING", "RELEASE", "DECIDED BY", "SUBJECT"];
            var rows = decisions.Select(Row).Prepend(header).ToList();
            WriteTable(output, rows);
        }

        output.WriteLine();
        output.WriteLine($"Bump:          {DecisionText.Bump(decision.Bump) ?? "none"}");
        output.WriteLine($"Next release:  {DecisionText.NextRelease(decision)}");
        output.WriteLine($"Build version: {decision.BuildVersion}");
    }

    private static string[] Row(CommitDecision d)
    {
        var commit = d.Commit;
        var subject = commit.IsConventional ? commit.Subject ?? "" : commit.Header;
        if (subject.Length > SubjectWidth) subject = subject[..(SubjectWidth - 1)] + "…";
        return
        [
            DecisionText.ShortSha(commit.Source.Sha),
            commit.Type ?? "-",
            commit.Scope ?? "-",
            commit.IsBreaking ? "yes" : "no",
            DecisionText.Bump(d.Release) ?? "none",
            DecidedBy(d),
            subject,
        ];
    }

    /// <summary>The rule column: the custom or default rule that matched, or why none did.</summary>
    public static string DecidedBy(CommitDecision d)
    {
        if (d.CancelledBy is { } other)
            return d.Commit.Revert is null
                ? $"cancelled by revert {DecisionText.ShortSha(other)}"
                : $"revert of {DecisionText.ShortSha(other)}, both cancelled";
        if (d.Rule is { } rule) return $"{d.RuleSource ?? "matching"} rule {rule}";
        if (!d.Commit.IsConventional) return d.Commit.Source.IsMerge ? "not conventional (merge commit)" : "not conventional";
        return "no rule matched (no release)";
    }

    private static void WriteTable(TextWriter output, IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            var cells = row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]));
            output.WriteLine("  " + string.Join("  ", cells).TrimEnd());
        }
    }
}
