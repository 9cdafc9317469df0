using Release.Sdk.Publish.Tests.GitHub;
using Xunit.Abstractions;

namespace Release.Sdk.Tests.ReleaseRun;

/// <summary>
/// Contract test, end to end: `dotnet pack -p:ReleaseCreate=true` of the sample (the seed's .releaserc.json, with its
/// @semantic-release/github assets) ends with a GitHub release on the local GitHub REST contract server, carrying the
/// notes and the package the pack produced (Release.Sdk.GitHub.targets → settings file → the github plugin).
/// </summary>
[Collection(PackedSdkCollection.Name)]
[Trait("Category", "E2E")]
public sealed class GitHubReleaseTests(PackedSdk sdk, ITestOutputHelper output)
{
    [Fact]
    public void Contract_a_release_run_creates_the_github_release_with_the_notes_and_the_packed_package()
    {
        using var github = new FakeGitHub();
        using var sample = new ReleaseSample(sdk, output);
        var environment = new Dictionary<string, string?> { ["GITHUB_TOKEN"] = FakeGitHub.Token };

        var result = sample.Consumer.Dotnet(
            ["pack", "App.csproj", "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-o", "nupkgs", "-c", "Release",
             "-p:ReleaseCreate=true", "-p:ReleaseGitHub=true", $"-p:ReleaseGitHubApiUrl={github.ApiUrl}",
             "-p:RepositoryUrl=https://github.com/acme/widget", "-p:ReleaseGitHubRetryDelayMs=10"],
            environment);

        Assert.True(result.ExitCode == 0, sample.Explain(result));
        var release = Assert.Single(github.State.Releases);
        Assert.Equal(ReleaseSample.Tag, release.TagName);
        Assert.Contains("* add search", release.Body, StringComparison.Ordinal);
        var package = Assert.Single(release.Assets, a => a.Name == $"App.{ReleaseSample.Version}.nupkg");
        Assert.Equal("NuGet package", package.Label);
        Assert.Equal(File.ReadAllBytes(Path.Combine(sample.Consumer.Path, "nupkgs", $"App.{ReleaseSample.Version}.nupkg")), package.Content);
        // The seed's Python globs match nothing in a .NET repository: reported, not fatal.
        Assert.Contains("RSDK6007", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeGitHub.Token, result.Output, StringComparison.Ordinal);
        Assert.Empty(github.Bugs);
    }
}
