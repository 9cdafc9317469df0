using System.CommandLine;
using Release.Sdk.Cli.Output;
using Release.Sdk.Cli.ReleaseRun;
using Release.Sdk.Engine.ReleaseRun;
using Release.Sdk.Notify.CiOutputs;

namespace Release.Sdk.Cli.Commands;

/// <summary>
/// <c>dotnet-release release</c>: the whole release run (verify, notes, CHANGELOG.md, stamped files, release commit, tag,
/// push, exec hooks). Exit 0 when released, nothing was due, the remote moved (warning RSDK4104) or a dry run planned;
/// 1 on a coded error.
/// </summary>
internal static class ReleaseCommand
{
    public static Command Create(CliContext context)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Compute and print everything (version, notes, diffs, commit, tag, pushes); write nothing, run no hook, need no token." };
        var noPush = new Option<bool>("--no-push") { Description = "Commit and tag locally, push nothing." };
        var planFile = new Option<string?>("--plan-file") { Description = "Also write the plan as JSON to this file (use a path under obj/).", HelpName = "FILE" };
        var resultFile = new Option<string?>("--result-file") { Description = "Write how the run ended (outcome, version, tag, outputs such as release-url) as JSON to this file.", HelpName = "FILE" };
        var options = new ReleaseRunOptions();
        var command = new Command("release", "Release: notes, CHANGELOG.md, stamped version files, release commit, tag and push, with the exec hooks of .releaserc.json.")
        {
            dryRun, noPush, planFile, resultFile,
        };
        options.AddTo(command);
        command.SetAction(parseResult => ErrorBoundary.Run(context, () =>
        {
            var invocation = options.Read(parseResult, parseResult.GetValue(dryRun), parseResult.GetValue(noPush), parseResult.GetValue(planFile));
            var result = ReleaseRunLauncher.Run(context, invocation, context.Out);
            if (parseResult.GetValue(resultFile) is { Length: > 0 } resultPath) ReleaseResultFile.Write(resultPath, result);
            ReleaseRunText.Write(context.Out, context.Error, result);
            // Plugins run only when something is released; the job's outputs must say released=false otherwise.
            if (result.Outcome != ReleaseOutcome.Released)
                DiagnosticWriter.WriteAll(context.Error, GitHubActionsOutputs.WriteNotReleased(context.Environment, NotReleasedText(result)));
            return result.Outcome == ReleaseOutcome.Failed ? ExitCodes.Error : ExitCodes.Success;
        }));
        return command;
    }

    private static string NotReleasedText(ReleaseRunResult result) => result.Outcome switch
    {
        ReleaseOutcome.Failed when result.Error is { } error => $"The release failed: {error.Code}: {error.Message}",
        ReleaseOutcome.Planned when result.Plan is { } plan => $"Dry run: {plan.Version} ({plan.Tag}) would be released; nothing was written.",
        ReleaseOutcome.Skipped => "The remote branch moved since this build started; nothing was tagged (the run for the newer commit releases).",
        _ => $"Nothing was released: {result.Reason ?? "no release is due"}.",
    };
}
