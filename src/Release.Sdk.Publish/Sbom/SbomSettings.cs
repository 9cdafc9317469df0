using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Publish.Sbom;

/// <summary>The "sbom" section of the release settings file (Release.Sdk.NuGet.targets, ReleaseSbom=true).</summary>
/// <param name="Project">Full path of the project whose dependencies the SBOM lists.</param>
/// <param name="Output">Full path of the CycloneDX JSON file to write (default obj/release-sbom/bom.json).</param>
/// <param name="Name">The BOM's main component name (the package id), or null for the tool's default.</param>
/// <param name="Type">CycloneDX component type: "Library" or "Application".</param>
/// <param name="AssetsFile">The project's restore output (ProjectAssetsFile) the tool reads the dependencies from.</param>
internal sealed record SbomSettings(string Project, string Output, string? Name, string Type, string AssetsFile)
{
    public static bool IsEnabled(JsonObject? section) =>
        Text(section, "enabled") is { } enabled && bool.TryParse(enabled, out var on) && on;

    public static SbomSettings Read(JsonObject? section, string workingDirectory)
    {
        var project = Text(section, "project") ?? throw new ReleaseException(DiagnosticCatalog.SbomFailed,
            "ReleaseSbom=true but the settings name no project. Run the release through MSBuild (`dotnet pack -p:ReleaseCreate=true`), which passes the project.");
        var fullProject = Path.GetFullPath(project, workingDirectory);
        var output = Text(section, "output") is { } o
            ? Path.GetFullPath(o, workingDirectory)
            : Path.Combine(Path.GetDirectoryName(fullProject)!, "obj", "release-sbom", "bom.json");
        var type = Text(section, "type") is { } t && t.Equals("Application", StringComparison.OrdinalIgnoreCase) ? "Application" : "Library";
        var assets = Text(section, "assetsFile") is { } a
            ? Path.GetFullPath(a, workingDirectory)
            : Path.Combine(Path.GetDirectoryName(fullProject)!, "obj", "project.assets.json");
        return new SbomSettings(fullProject, output, Text(section, "name"), type, assets);
    }

    private static string? Text(JsonObject? section, string key) =>
        section?[key] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}
