using System.CommandLine;
using System.CommandLine.Invocation;
using Release.Sdk.Cli.Commands;

namespace Release.Sdk.Cli;

/// <summary>Builds the command tree and runs it, mapping parse errors to <see cref="ExitCodes.Usage"/>.</summary>
internal static class CliApplication
{
    public static int Run(string[] args, CliContext context)
    {
        var root = new RootCommand("dotnet-release: the version Release.Sdk computes from Conventional Commits and git history.")
        {
            VersionCommand.Create(context),
            ExplainCommand.Create(context),
            ReleaseCommand.Create(context),
            PlanCommand.Create(context),
            ChangelogCommand.Create(context),
            DeployCommand.Create(context),
            GatesCommand.Create(context),
        };

        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            // System.CommandLine's own error action exits 1; usage errors must be told apart from coded errors.
            foreach (var error in parseResult.Errors)
                context.Error.WriteLine($"dotnet-release: {error.Message}");
            context.Error.WriteLine("Run 'dotnet-release --help' for usage.");
            return ExitCodes.Usage;
        }

        return parseResult.Invoke(new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
        });
    }
}
