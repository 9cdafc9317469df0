using System.Text.Json.Nodes;
using Release.Sdk.Cli.ReleaseRun;

namespace Release.Sdk.Cli.Tests.ReleaseRun;

/// <summary>The nuget and sbom plugins take part in a release run exactly when their settings ask for them.</summary>
public sealed class PackagePluginRegistrationTests
{
    [Fact]
    public void NoSettingsNoPackagePlugins() =>
        Assert.DoesNotContain(Names(null), n => n is "nuget" or "sbom");

    [Fact]
    public void ASourceAddsTheNuGetPluginAndReleaseSbomTheSbomPluginBeforeIt()
    {
        var names = Names(new JsonObject
        {
            ["nuget"] = new JsonObject { ["source"] = "https://feed.example/v3/index.json" },
            ["sbom"] = new JsonObject { ["enabled"] = "true" },
        });

        Assert.Contains("nuget", names);
        Assert.True(names.IndexOf("sbom") >= 0 && names.IndexOf("sbom") < names.IndexOf("nuget"), string.Join(",", names));
    }

    private static List<string> Names(JsonObject? plugins) =>
        ReleasePlugins.Create(new ReleasePluginInputs(plugins, null, new Dictionary<string, string?>(), Path.GetTempPath(), TextWriter.Null))
            .Select(p => p.Name).ToList();
}
