using System.CommandLine;
using System.Text;
using Release.Sdk.Cli.Diagnostics;
using Release.Sdk.Cli.ReleaseRun;

namespace Release.Sdk.Cli.Commands;

/// <summary>
/// <c>dotnet-release changelog --regenerate</c>: rebuilds the whole CHANGELOG.md from the release tags (for projects
/// adopting Release.Sdk). Writes the configured changelog file at the repository root, or <c>--output FILE</c>
/// (<c>-</c> for stdout).
/// </summary>
internal static class ChangelogCommand
{
    public static Command Create(CliContext context)
    {
        var regenerate = new Option<bool>("--regenerate") { Description = "Rebuild the whole changelog from the tag history (required; the release run adds sections by itself)." };
        var output = new Option<string?>("--output") { Description = "Where to write it (default: the changelogFile at the repository root; '-' for stdout).", HelpName = "FILE" };
        var computation = new ComputationOptions();
        var command = new Command("changelog", "Rebuild CHANGELOG.md from the release tags with the configured notes preset.") { regenerate, output };
        computation.AddTo(command);
        command.SetAction(parseResult =>
        {
            if (!parseResult.GetValue(regenerate))
            {
                context.Error.WriteLine("dotnet-release: 'changelog' needs --regenerate (the release run itself adds each release's section).");
                return ExitCodes.Usage;
            }
            var timings = PhaseTimings.Start(context);
            return ErrorBoundary.Run(context, () =>
            {
                var (content, defaultPath, root, releases) = ChangelogRegeneration.Render(computation.Read(parseResult), timings);
                var target = parseResult.GetValue(output);
                if (target == "-")
                {
                    context.Out.Write(content);
                    return ExitCodes.Success;
                }
                var path = target is null ? Path.GetFullPath(defaultPath, root) : Path.GetFullPath(target);
                File.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(content));
                timings?.Mark("write");
                context.Out.WriteLine($"Release.Sdk: wrote {path} ({releases} releases).");
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
