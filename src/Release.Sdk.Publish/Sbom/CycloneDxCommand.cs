using System.Text.Json;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Publish.NuGet;

namespace Release.Sdk.Publish.Sbom;

/// <summary>
/// Runs the CycloneDX .NET tool (dotnet-CycloneDX, from the repository's tool manifest) on the project. It reads the
/// project's obj/project.assets.json and the global packages folder, with package restore disabled: the release run
/// follows a build, so the assets file is current, and no network is needed.
/// </summary>
internal static class CycloneDxCommand
{
    public const string ToolCommand = "dotnet-CycloneDX";

    public const string ToolPackage = "CycloneDX";

    public const string ToolVersion = "6.3.1";

    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static List<string> Arguments(SbomSettings settings, string? version)
    {
        var arguments = new List<string>
        {
            "tool", "run", ToolCommand, "--",
            settings.Project,
            "--output", Path.GetDirectoryName(settings.Output)!,
            "--filename", Path.GetFileName(settings.Output),
            "--output-format", "Json",
            "--disable-package-restore",
            "--set-type", settings.Type,
        };
        if (version is not null) arguments.AddRange(["--set-version", version]);
        if (settings.Name is not null) arguments.AddRange(["--set-name", settings.Name]);
        return arguments;
    }

    /// <summary>Writes the SBOM; throws the coded error that says what to do when the tool is missing or fails.</summary>
    public static void Generate(SbomSettings settings, string? version, IReadOnlyDictionary<string, string?> environment)
    {
        if (!File.Exists(settings.Project))
            throw new ReleaseException(DiagnosticCatalog.SbomFailed, $"The project {settings.Project} to describe in the SBOM does not exist.");
        // Without it CycloneDX still writes a BOM, with no dependency in it: an SBOM that lies is worse than none.
        if (!File.Exists(settings.AssetsFile))
            throw new ReleaseException(DiagnosticCatalog.SbomFailed,
                $"The project {Path.GetFileName(settings.Project)} has not been restored ({settings.AssetsFile} is missing), so its dependencies are unknown. Release after a build or pack (`dotnet pack -p:ReleaseCreate=true`), or run `dotnet restore` first.");
        Directory.CreateDirectory(Path.GetDirectoryName(settings.Output)!);
        // A leftover from an earlier run must not pass for this run's SBOM.
        File.Delete(settings.Output);
        // From the project's folder, `dotnet tool run` finds the repository's tool manifest (.config/dotnet-tools.json) above it.
        var result = DotnetCommand.Run(Arguments(settings, version), Path.GetDirectoryName(settings.Project)!, environment, Timeout, secrets: []);
        var tail = DotnetCommand.Tail(result.Output);
        if (IsToolMissing(result))
            throw new ReleaseException(DiagnosticCatalog.SbomToolMissing,
                $"ReleaseSbom=true needs the CycloneDX tool in the repository's tool manifest: run `dotnet new tool-manifest` (if there is none) and `dotnet tool install {ToolPackage} --version {ToolVersion}`, commit .config/dotnet-tools.json, and run `dotnet tool restore` in CI before the release.\n{tail}");
        if (!result.Succeeded || !File.Exists(settings.Output))
            throw new ReleaseException(DiagnosticCatalog.SbomFailed,
                $"CycloneDX could not write the SBOM for {Path.GetFileName(settings.Project)} ({(result.TimedOut ? $"no answer within {Timeout.TotalMinutes:0} min" : $"exit code {result.ExitCode}")}). Build or restore the project first (the tool reads obj/project.assets.json), or set ReleaseSbom=false.\n{tail}");
        Validate(settings.Output);
    }

    private static bool IsToolMissing(DotnetResult result) =>
        !result.Started ||
        (result.ExitCode != 0 && (result.Output.Contains("dotnet tool restore", StringComparison.Ordinal) ||
                                  result.Output.Contains("Cannot find a tool in the manifest", StringComparison.OrdinalIgnoreCase) ||
                                  result.Output.Contains("Cannot find a manifest file", StringComparison.OrdinalIgnoreCase) ||
                                  result.Output.Contains("could not be found", StringComparison.OrdinalIgnoreCase) && result.Output.Contains(ToolCommand, StringComparison.OrdinalIgnoreCase)));

    // The GitHub plugin attaches the file as it is: make sure it is a CycloneDX JSON document, not an error page.
    private static void Validate(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty("bomFormat", out var format) && format.ValueKind == JsonValueKind.String && format.GetString() == "CycloneDX") return;
        }
        catch (JsonException)
        {
        }
        throw new ReleaseException(DiagnosticCatalog.SbomFailed, $"CycloneDX wrote {path}, but it is not a CycloneDX JSON document. Check the tool version ({ToolVersion} is supported).");
    }
}
