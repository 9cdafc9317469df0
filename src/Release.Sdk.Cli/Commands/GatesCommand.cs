using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Sdk.Cli.Output;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Cli.Commands;

/// <summary>
/// <c>dotnet-release gates</c>: runs the quality gates configured in the settings file (written by
/// <c>dotnet build -t:ReleaseCheckGates</c>) and .releaserc.json's "gates", prints one line per gate, writes
/// release-gates.json/.md. Exit 0 when nothing blocks (passes, warnings, report mode), 1 with RSDK5001 when a gate fails.
/// </summary>
internal static class GatesCommand
{
    public static Command Create(CliContext context)
    {
        var settings = new Option<string?>("--settings") { Description = "JSON settings file with a plugins.gates section (obj/release-gates-settings.json, written by the ReleaseCheckGates target).", HelpName = "FILE" };
        var project = new Option<string?>("--project") { Description = "The project or solution the gates check (default: ReleaseGatesProject, else the current directory).", HelpName = "PATH" };
        var output = new Option<string?>("--output") { Description = "Folder for release-gates.json, release-gates.md and each gate's files (default: obj/).", HelpName = "DIR" };
        var mode = new Option<string?>("--mode") { Description = "block: a failed gate exits 1 with RSDK5001 (default). report: report only, exit 0.", HelpName = "block|report" };
        mode.AcceptOnlyFromAmong("block", "report");
        var config = new Option<string?>("--config") { Description = "The .releaserc.json to read \"gates\" from (default: .releaserc.json / .releaserc at the repository root).", HelpName = "FILE" };
        var cwd = new Option<DirectoryInfo>("--cwd") { Description = "The project folder: relative paths resolve against it (default: the current directory).", HelpName = "DIR" };
        cwd.AcceptExistingOnly();

        var command = new Command("gates", "Run the release quality gates (coverage, security, docs, custom commands, …) and report; exit 1 when one fails.")
        {
            settings, project, output, mode, config, cwd,
        };
        command.SetAction(parseResult => ErrorBoundary.Run(context, () =>
        {
            var directory = parseResult.GetValue(cwd)?.FullName ?? Directory.GetCurrentDirectory();
            var request = new GatesRequest(
                ReadSettings(parseResult.GetValue(settings), directory),
                ReadReleaseConfig(parseResult.GetValue(config), directory),
                directory,
                context.Environment,
                line => context.Out.WriteLine(line),
                Project: parseResult.GetValue(project),
                Output: parseResult.GetValue(output),
                Mode: parseResult.GetValue(mode) switch { "report" => GatesMode.Report, "block" => GatesMode.Block, _ => null });
            var outcome = new GatesSession().RunAsync(request, CancellationToken.None).GetAwaiter().GetResult();
            DiagnosticWriter.WriteAll(context.Error, outcome.Warnings);
            if (outcome.Error is { } error) throw error;
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The settings file's <c>plugins.gates</c> section; a file that is given but unreadable is RSDK5004.</summary>
    private static JsonObject? ReadSettings(string? file, string directory)
    {
        if (file is null) return null;
        var path = Path.GetFullPath(file, directory);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new ReleaseException(DiagnosticCatalog.GatesSettingsInvalid,
                $"The gates settings file {path} cannot be read ({e.Message}). It is written by `dotnet build -t:ReleaseCheckGates`; run that, or pass --settings a JSON file with a plugins.gates object.");
        }
        return root switch
        {
            JsonObject obj => obj["plugins"]?["gates"] as JsonObject,
            _ => throw new ReleaseException(DiagnosticCatalog.GatesSettingsInvalid,
                $"The gates settings file {path} is not a JSON object. Expected {{\"plugins\": {{\"gates\": {{\"gates\": [ … ]}}}}}}."),
        };
    }

    private static JsonObject? ReadReleaseConfig(string? file, string directory)
    {
        var root = GatesSession.RepositoryRoot(directory);
        var config = ReleaseConfigLoader.Load(root, file is null ? null : Path.GetFullPath(file, directory), ReleaseConfigOverrides.None);
        return config.Document?["gates"] switch
        {
            null => null,
            JsonObject gates => gates,
            var other => throw new ReleaseException(DiagnosticCatalog.GatesSettingsInvalid,
                $".releaserc.json: \"gates\" must be an object like {{\"gates\": [{{\"name\": \"docs\"}}]}}, not {other.ToJsonString()}."),
        };
    }
}
