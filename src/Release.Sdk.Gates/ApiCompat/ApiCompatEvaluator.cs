using Release.Sdk.Gates.Analysis;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.ApiCompat;

/// <summary>
/// The check no other release tool makes: the API change measured against the bump the commits justify.
/// A breaking change while the commits justify only minor/patch fails ("breaking API change without a breaking-change
/// commit"); a major bump without any breaking change warns. Without release information (a standalone run) the
/// changes are reported and the commit check is skipped, saying so.
/// </summary>
internal static class ApiCompatEvaluator
{
    /// <param name="baseline">What was compared against, e.g. "Sample.Calc 1.2.0" or "openapi of v1.2.0".</param>
    /// <param name="release">The release being made; null when the gate runs outside a release run.</param>
    public static GateVerdict Evaluate(IReadOnlyList<ApiChange> changes, string baseline, GateRelease? release)
    {
        var breaking = changes.Where(c => c.Breaking).ToList();
        var additions = changes.Count - breaking.Count;
        var releaseType = release?.ReleaseType;
        var justified = string.Equals(releaseType, "major", StringComparison.OrdinalIgnoreCase);
        var figures = new List<GateFigure>
        {
            new("breaking API changes", breaking.Count, "count", justified ? null : 0),
            new("compatible API additions", additions, "count"),
        };
        var findings = changes
            .OrderByDescending(c => c.Breaking)
            .Select(c => new GateFinding(c.Rule, c.Message, Severity: !c.Breaking ? "info" : justified ? "warning" : "error"))
            .ToList();
        var counts = $"{breaking.Count} breaking, {additions} compatible change(s) against {baseline}";

        if (releaseType is null)
        {
            return breaking.Count == 0
                ? new GateVerdict(GateStatus.Pass, $"{counts}; commit check skipped (no release information)", figures, findings, null)
                : new GateVerdict(GateStatus.Warn, $"{counts}; commit check skipped (no release information: run inside the release run to compare with the commits' bump)",
                    figures, findings, "If this release goes out, its commits must justify a major version (a `BREAKING CHANGE:` footer or `!` after the type).");
        }

        var commits = $"the commits since {release!.PreviousTag ?? release.PreviousVersion ?? "the last release"} justify a {releaseType} release ({release.Version})";
        if (breaking.Count > 0 && !justified)
        {
            return new GateVerdict(GateStatus.Fail, $"breaking API change without a breaking-change commit: {counts}, but {commits}", figures, findings,
                "Restore the removed or changed API (mark it [Obsolete] and remove it in the next major), or, if the break is intended, " +
                "add a commit with a `BREAKING CHANGE:` footer (or `feat!:`) so the release becomes a major one.");
        }
        if (breaking.Count > 0)
            return new GateVerdict(GateStatus.Pass, $"{counts}; {commits}: the breaks are announced", figures, findings, null);
        if (justified)
        {
            return new GateVerdict(GateStatus.Warn, $"{commits}, but the API has no breaking change ({counts})", figures, findings,
                "Check the commit marked BREAKING CHANGE: if nothing public broke, a minor release would do (reword the commit before releasing).");
        }
        return new GateVerdict(GateStatus.Pass, $"{counts}; {commits}", figures, findings, null);
    }

    /// <summary>The first release has nothing to compare with.</summary>
    public static GateVerdict FirstRelease(string what) =>
        new(GateStatus.Pass, $"first release: no previous {what} to compare with", [new GateFigure("breaking API changes", 0, "count")], [], null);
}
