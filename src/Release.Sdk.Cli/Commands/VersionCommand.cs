using System.CommandLine;
using Release.Sdk.Cli.Output;

namespace Release.Sdk.Cli.Commands;

/// <summary><c>dotnet-release version</c>: the version decision, as text or as JSON.</summary>
internal static class VersionCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the decision as one JSON object (keys: next, build, previousVersion, previousTag, bump, branch, branchType, channel, commits)." };
        var computation = new ComputationOptions();
        var command = new Command("version", "Print the version a build gets now and the version a release run would publish.") { json };
        computation.AddTo(command);
        command.SetAction(parseResult =>
        {
            var asJson = parseResult.GetValue(json);
            return CommandAction.Compute(context, computation.Read(parseResult), decision =>
            {
                if (asJson) VersionJson.Write(context.Out, decision);
                else VersionText.Write(context.Out, decision);
            });
        });
        return command;
    }
}
