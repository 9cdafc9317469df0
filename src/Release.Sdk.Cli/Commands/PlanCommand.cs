using System.CommandLine;
using Release.Sdk.Cli.Output;
using Release.Sdk.Cli.ReleaseRun;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Cli.Commands;

/// <summary>
/// <c>dotnet-release plan</c>: the dry run's plan — as text, or with <c>--json</c> as one JSON object (version, tag,
/// notes, files with diffs, commitMessage, pushes, hooks); <c>{"release": false, "reason": …}</c> when nothing is due.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the plan as one JSON object." };
        var options = new ReleaseRunOptions();
        var command = new Command("plan", "Show what 'release' would do now, writing nothing (a dry run).") { json };
        options.AddTo(command);
        command.SetAction(parseResult => ErrorBoundary.Run(context, () =>
        {
            var asJson = parseResult.GetValue(json);
            var result = ReleaseRunLauncher.Run(context, options.Read(parseResult, dryRun: true, noPush: false, planFile: null), asJson ? context.Error : context.Out);
            if (!asJson)
            {
                ReleaseRunText.Write(context.Out, context.Error, result);
            }
            else
            {
                DiagnosticWriter.WriteAll(context.Error, result.Diagnostics);
                if (result.Error is { } e) DiagnosticWriter.WriteError(context.Error, e.Descriptor, e.Message);
                else if (result.Plan is { } plan) context.Out.Write(ReleasePlanJson.Write(plan));
                else context.Out.WriteLine(NoReleaseJson(result.Reason));
            }
            return result.Outcome == ReleaseOutcome.Failed ? ExitCodes.Error : ExitCodes.Success;
        }));
        return command;
    }

    private static string NoReleaseJson(string? reason) =>
        $"{{\n  \"release\": false,\n  \"reason\": {System.Text.Json.JsonSerializer.Serialize(reason ?? "")}\n}}";
}
