using System.Text.Json.Nodes;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Publish.Sbom;

/// <summary>
/// Writes the release's SBOM (CycloneDX JSON, obj/release-sbom/bom.json) and hands its path to later plugins as the
/// "sbom-path" output (the GitHub plugin attaches it to the release).
/// <para>Why verify release: it runs before anything is tagged, so a failing tool stops the release instead of leaving
/// one without its SBOM; the dry run (which may write under obj/) shows it too; and the file exists before any publish
/// step uploads assets. A resumed run skips verify release, so publish writes the file again if it is missing: this
/// plugin must therefore come before the GitHub plugin in ReleasePlugins.</para>
/// </summary>
internal sealed class SbomPlugin : IReleasePlugin
{
    public const string PluginName = "sbom";

    public const string PathOutput = "sbom-path";

    public string Name => PluginName;

    public static IReleasePlugin? Create(JsonObject? plugins) =>
        SbomSettings.IsEnabled(plugins?[PluginName] as JsonObject) ? new SbomPlugin() : null;

    public void VerifyRelease(ReleaseContext context) => Generate(context);

    public void Publish(ReleaseContext context)
    {
        var settings = SbomSettings.Read(context.Settings, context.WorkingDirectory);
        if (File.Exists(settings.Output))
        {
            context.Outputs[PathOutput] = settings.Output;
            return;
        }
        Generate(context);
    }

    private static void Generate(ReleaseContext context)
    {
        var settings = SbomSettings.Read(context.Settings, context.WorkingDirectory);
        CycloneDxCommand.Generate(settings, context.Version, context.Environment);
        context.Outputs[PathOutput] = settings.Output;
        context.Log($"Wrote the SBOM (CycloneDX) to {Path.GetRelativePath(context.WorkingDirectory, settings.Output).Replace('\\', '/')}.");
    }
}
