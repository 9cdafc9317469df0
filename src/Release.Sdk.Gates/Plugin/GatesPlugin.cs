using System.Text.Json.Nodes;
using Release.Sdk.Engine.ReleaseRun;
using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Report;

namespace Release.Sdk.Gates.Plugin;

/// <summary>
/// The quality gates in the release run. <b>Verify release</b> (after the version is known, before anything is
/// written) runs the configured gates and throws RSDK5001 when one fails, so nothing is committed, tagged or pushed.
/// <b>Generate notes</b> adds the short gate table when ReleaseGatesInNotes=true (or "inNotes": true).
/// <b>Dry run</b>: the gates run and report (that is what a dry run is for: seeing whether the release would pass), but a
/// failure is warning RSDK5006 saying a real run would stop, because a dry run must not fail for what it only plans.
/// A resumed release does not get here (its gates passed before it was tagged).
/// </summary>
internal sealed class GatesPlugin(GatesSession session) : IReleasePlugin
{
    private GateReport? _report;
    private bool _inNotes;

    public string Name => "gates";

    /// <summary>The plugin when gates are configured (MSBuild section or .releaserc.json's "gates"), else null.</summary>
    public static GatesPlugin? CreateIfConfigured(JsonObject? plugins, JsonObject? releaseConfig, GatesSession? session = null)
    {
        var settings = plugins?["gates"] as JsonObject;
        var config = releaseConfig?["gates"] as JsonObject;
        if (settings is null && config is null) return null;
        return new GatesPlugin(session ?? new GatesSession());
    }

    public void VerifyRelease(ReleaseContext context)
    {
        var request = new GatesRequest(
            context.Settings,
            context.Config?["gates"] as JsonObject,
            context.WorkingDirectory,
            context.Environment,
            context.Log,
            Release: context.Version is null ? null : new GateRelease(context.Version, context.PreviousVersion, context.PreviousTag, context.ReleaseType ?? "patch"),
            DryRun: context.DryRun);
        // The release run is synchronous; the gates are not. No synchronization context here (CLI process), so this cannot deadlock.
        var outcome = session.RunAsync(request, CancellationToken.None).GetAwaiter().GetResult();
        _report = outcome.Report;
        _inNotes = outcome.Options.InNotes;
        context.Outputs["gates-outcome"] = GateLine.Status(outcome.Report.Outcome);
        context.Outputs["gates-report"] = outcome.Paths.Markdown;
        foreach (var warning in outcome.Warnings) context.Warnings.Add(warning);
        if (outcome.Error is { } error) throw error;
    }

    public string? GenerateNotes(ReleaseContext context) =>
        _inNotes && _report is { Results.Count: > 0 } report ? GateReportMarkdown.NotesTable(report) : null;
}
