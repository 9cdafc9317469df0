using Release.Sdk.Engine.Analysis;

namespace Release.Sdk.Engine.Versioning;

/// <summary>The one high-importance line per build, e.g. <c>Release.Sdk: 1.4.0-alpha.0.7 (minor: 3 feat, 2 fix since v1.3.2)</c>.</summary>
internal static class VersionSummary
{
    private static readonly string[] TypeOrder = ["feat", "fix", "perf", "revert"];

    public static string Format(VersionDecision d)
    {
        var version = StripMetadata(d.BuildVersion);
        if (d.IsFallback)
        {
            var reason = d.Diagnostics.Count > 0 ? $"{d.Diagnostics[0].Code}: {d.Diagnostics[0].Descriptor.Title.Split(';')[0]}" : "no git history";
            return $"Release.Sdk: {version} (fallback version, {reason})";
        }
        if (d.IsTaggedCommit) return $"Release.Sdk: {version} (tagged commit{(d.PreviousTag is { } t && d.CommitCount == 0 ? $" {t}" : "")})";

        var since = d.PreviousTag is null ? "; first release" : $" since {d.PreviousTag}";
        var detail = d.Bump == ReleaseType.None
            ? $"no release: {Plural(d.CommitCount, "commit")}{(d.PreviousTag is null ? ", no release yet" : since)}"
            : $"{d.Bump.ToString().ToLowerInvariant()}: {Counts(d.Summary)}{since}";
        var where = d.CanRelease
            ? d.Channel is null ? "" : $", channel {d.Channel}"
            : d.Branch is null ? "; detached HEAD, not a release build" : $"; {d.Branch} is not a release branch";
        return $"Release.Sdk: {version} ({detail}{where})";
    }

    private static string Counts(AnalysisSummary summary)
    {
        var counts = summary.CountByType;
        var ordered = counts.Keys
            .OrderBy(k => Array.IndexOf(TypeOrder, k) is var i && i >= 0 ? i : TypeOrder.Length)
            .ThenBy(k => k, StringComparer.Ordinal);
        var text = string.Join(", ", ordered.Select(k => $"{counts[k]} {k}"));
        return text.Length > 0 ? text : Plural(summary.ReleasingCommits, "commit");
    }

    private static string Plural(int n, string word) => $"{n} {word}{(n == 1 ? "" : "s")}";

    private static string StripMetadata(string version) => version.Split('+')[0];
}
