using System.CommandLine;
using Release.Sdk.Cli.Output;

namespace Release.Sdk.Cli.Commands;

/// <summary><c>dotnet-release explain</c>: every commit since the last release, how it parsed and which rule decided its bump.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var computation = new ComputationOptions();
        var command = new Command("explain", "List each commit since the last release with its parsed type, scope, breaking flag and the rule that decided its release type.");
        computation.AddTo(command);
        command.SetAction(parseResult =>
            CommandAction.Compute(context, computation.Read(parseResult), decision => ExplainText.Write(context.Out, decision)));
        return command;
    }
}
