using Xunit.Abstractions;

namespace Release.Sdk.Tests.ReleaseRun;

/// <summary>A solution pack releases the repository once, from the project that sets ReleaseRunAfterPack.</summary>
[Collection(PackedSdkCollection.Name)]
public sealed class MultiProjectReleaseTests(PackedSdk sdk, ITestOutputHelper output)
{
    [Fact]
    public void SolutionPackReleasesOnceFromTheReleaseProject()
    {
        using var sample = new ReleaseSample(sdk, output);
        sample.Consumer.WriteFile("lib/Lib.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
            {Scenarios.SdkElement(sdk.Version)}
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        sample.Consumer.WriteFile("lib/Lib.cs", "namespace Lib\n{\n    public static class Lib1 { }\n}\n");
        // App.csproj (at the root) would compile lib/Lib.cs too; keep the projects apart.
        sample.Consumer.WriteFile("Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <DefaultItemExcludes>$(DefaultItemExcludes);lib/**</DefaultItemExcludes>
                <ReleaseRunAfterPack Condition="'$(MSBuildProjectName)' == 'App'">true</ReleaseRunAfterPack>
              </PropertyGroup>
            </Project>
            """);
        sample.Consumer.Dotnet(["new", "sln", "-n", "All", "--format", "sln"]);
        sample.Consumer.Dotnet(["sln", "All.sln", "add", "App.csproj", "lib/Lib.csproj"]);
        sample.Repo.Git("add", "-A");
        sample.Repo.Git("commit", "-q", "-m", "build: add a library");
        sample.Repo.Git("push", "-q", "origin", "main");

        var result = sample.Consumer.Dotnet(["pack", "All.sln", "-c", "Release", "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false",
            "-o", "nupkgs", "-p:ReleaseCreate=true"]);

        Assert.True(result.ExitCode == 0, sample.Explain(result));
        Assert.Single(result.Output.Split('\n'), l => l.Contains("Release.Sdk: released 1.1.0", StringComparison.Ordinal));
        Assert.Equal($"{ReleaseSample.PreviousTag}\n{ReleaseSample.Tag}", sample.OriginTags);
        Assert.Single(sample.Origin.Git("log", "--format=%s", "main").Split('\n'), s => s.StartsWith("chore(release)", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(sample.Consumer.Path, "nupkgs", "Lib.1.1.0.nupkg")), sample.Explain(result));
        Assert.True(File.Exists(Path.Combine(sample.Consumer.Path, "nupkgs", "App.1.1.0.nupkg")), sample.Explain(result));
    }
}
