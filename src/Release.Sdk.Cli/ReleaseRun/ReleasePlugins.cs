using System.Text.Json.Nodes;
using Release.Sdk.Engine.ReleaseRun;
using Release.Sdk.Publish.GitHub;
using Release.Sdk.Publish.NuGet;
using Release.Sdk.Publish.Sbom;

namespace Release.Sdk.Cli.ReleaseRun;

/// <summary>What a plugin factory gets to decide whether (and how) its plugin takes part in a release run.</summary>
/// <param name="Settings">The settings file's whole <c>plugins</c> object (MSBuild properties and items), or null.</param>
/// <param name="Config">The .releaserc.json document, or null.</param>
internal sealed record ReleasePluginInputs(
    JsonObject? Settings,
    JsonObject? Config,
    IReadOnlyDictionary<string, string?> Environment,
    string WorkingDirectory,
    TextWriter Progress);

/// <summary>
/// The release run's plugins, in lifecycle order (gates verify first; the GitHub release and package pushes publish;
/// notifiers speak last). Each factory returns null when its plugin is not configured.
/// </summary>
internal static class ReleasePlugins
{
    private static readonly Func<ReleasePluginInputs, IReleasePlugin?>[] Factories =
    [
        inputs => Gates.Plugin.GatesPlugin.CreateIfConfigured(inputs.Settings, inputs.Config),
        // The SBOM comes before the GitHub release, whose publish step attaches it: a resumed run writes it in publish.
        inputs => SbomPlugin.Create(inputs.Settings),
        inputs => GitHubPlugin.Create(inputs.Settings?["github"] as JsonObject, inputs.Config),
        inputs => NuGetPushPlugin.Create(inputs.Settings),
        inputs => Notify.Plugin.NotifyPlugin.Create(inputs.Settings, inputs.Config, inputs.Environment),
        inputs => Notify.CiOutputs.GitHubActionsPlugin.Create(inputs.Settings, inputs.Environment),
    ];

    public static IReadOnlyList<IReleasePlugin> Create(ReleasePluginInputs inputs) =>
        Factories.Select(create => create(inputs)).OfType<IReleasePlugin>().ToList();
}
