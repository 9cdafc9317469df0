using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Publish.GitHub;

namespace Release.Sdk.Publish.Tests.GitHub;

public sealed class AssetResolverTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rsdk-assets-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Touch(string relative)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, relative);
    }

    [Fact]
    public void Globs_paths_names_and_labels_resolve_against_the_repository_root_first_spec_wins()
    {
        Touch("src/App/bin/Release/App.1.0.0.nupkg");
        Touch("src/App/bin/Release/App.1.0.0.snupkg");
        Touch("obj/release-gates.md");
        var warnings = new List<Diagnostic>();

        var files = AssetResolver.Resolve(
        [
            new AssetSpec("src/**/bin/Release/*.nupkg", null, "NuGet package", "ReleaseAsset"),
            new AssetSpec("obj/release-gates.md", "quality-gates.md", "Gate report", "ReleaseAsset"),
            new AssetSpec("src/**/*.*nupkg", null, "Any package", ".releaserc.json assets"),
            new AssetSpec("missing/*.zip", null, null, ".releaserc.json assets"),
        ], _root, warnings.Add);

        Assert.Equal(
            ["App.1.0.0.nupkg|NuGet package", "quality-gates.md|Gate report", "App.1.0.0.snupkg|Any package"],
            files.Select(f => $"{f.Name}|{f.Label}").ToArray());
        Assert.Equal("RSDK6007", Assert.Single(warnings).Code);
        Assert.Contains("missing/*.zip", warnings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_assets_are_silent_when_absent()
    {
        var warnings = new List<Diagnostic>();

        Assert.Empty(AssetResolver.Resolve(AssetResolver.Defaults, _root, warnings.Add));
        Assert.Empty(warnings);
    }

    [Fact]
    public void Asset_names_are_normalized_as_github_stores_them()
    {
        Assert.Equal("My.Report.v1.json", AssetResolver.AssetName("My Report v1.json"));
        Assert.Equal("pkg+build@1.nupkg", AssetResolver.AssetName("pkg+build@1.nupkg"));
    }
}
