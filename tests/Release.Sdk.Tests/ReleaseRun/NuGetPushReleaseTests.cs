using System.Text.Json.Nodes;
using Release.Sdk.TestKit;
using Xunit.Abstractions;

namespace Release.Sdk.Tests.ReleaseRun;

/// <summary>
/// The packed SDK's release run with ReleaseNuGetSource (a folder feed) and ReleaseSbom: the targets hand the pack output
/// and the project to the nuget and sbom plugins of dotnet-release, which push the released package and write the SBOM.
/// </summary>
[Collection(PackedSdkCollection.Name)]
[Trait("Category", "E2E")]
public sealed class NuGetPushReleaseTests(PackedSdk sdk, ITestOutputHelper output)
{
    [Fact]
    public void ReleaseRunPushesThePackedPackageAndWritesTheSbom()
    {
        using var sample = new ReleaseSample(sdk, output);
        using var feedRoot = new TempGitRepo(init: false);
        var feed = Path.Combine(feedRoot.Path, "feed");
        // CycloneDX comes from the tool manifest, restored from the machine's global packages folder (where the
        // repository's own `dotnet tool restore` put it) into the sample's isolated one: no network.
        sample.Consumer.WriteFile(".config/dotnet-tools.json", """
            { "version": 1, "isRoot": true, "tools": { "cyclonedx": { "version": "6.3.1", "commands": [ "dotnet-CycloneDX" ], "rollForward": false } } }
            """);
        var restore = sample.Consumer.Dotnet(["tool", "restore", "--add-source", GlobalPackages]);
        Assert.True(restore.ExitCode == 0, sample.Explain(restore));
        sample.Repo.Git("add", "-A");
        sample.Repo.Git("commit", "-q", "-m", "build: pin CycloneDX");
        sample.Repo.Git("push", "-q", "origin", "main");

        var result = sample.Pack("-p:ReleaseCreate=true", $"-p:ReleaseNuGetSource={feed}", "-p:ReleaseSbom=true");

        Assert.True(result.ExitCode == 0, sample.Explain(result));
        Assert.True(File.Exists(Path.Combine(feed, $"App.{ReleaseSample.Version}.nupkg")), sample.Explain(result));
        Assert.Contains($"[nuget] Pushed App@{ReleaseSample.Version} to {feed}.", result.Output);
        var bom = JsonNode.Parse(File.ReadAllText(Path.Combine(sample.Consumer.Path, "obj", "release-sbom", "bom.json")))!;
        Assert.Equal("CycloneDX", (string?)bom["bomFormat"]);
        Assert.Equal(ReleaseSample.Version, (string?)bom["metadata"]!["component"]!["version"]);
        Assert.Equal("App", (string?)bom["metadata"]!["component"]!["name"]);
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(sample.Consumer.Path, "obj", "release-settings.json")))!;
        Assert.Equal($"nupkgs/App.{ReleaseSample.Version}.nupkg", (string?)settings["plugins"]!["nuget"]!["packages"]![0]!["path"]);
    }

    private static string GlobalPackages =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
            ? packages
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
