using Xunit.Abstractions;

namespace Release.Sdk.Tests;

/// <summary>MSBuild properties and items reach the engine, and a change to the history is never hidden by a cache.</summary>
[Collection(PackedSdkCollection.Name)]
public sealed class ConfigurationTests(PackedSdk sdk, ITestOutputHelper output)
{
    [Fact]
    public void NewCommitAfterABuildChangesTheVersion()
    {
        using var consumer = new Consumer(sdk, output);
        var first = Scenarios.FeatAfterRelease(consumer);
        consumer.WriteProject(Scenarios.SdkElement(sdk.Version));
        var firstBuild = consumer.Build();
        Assert.True(firstBuild.ExitCode == 0, consumer.Explain(firstBuild));
        Assert.Equal(Scenarios.BuildVersionAfterFeat(first), consumer.Attributes().InformationalVersion);

        var second = consumer.Repo.Commit("feat!: replace the API");
        var secondBuild = consumer.Build("--no-restore");

        Assert.True(secondBuild.ExitCode == 0, consumer.Explain(secondBuild));
        Assert.Equal($"2.0.0-alpha.0.2+{second[..7]}", consumer.Attributes().InformationalVersion);
    }

    [Fact]
    public void ConfigFileAddedAfterABuildIsRead()
    {
        using var consumer = new Consumer(sdk, output);
        Scenarios.FeatAfterRelease(consumer);
        consumer.WriteProject(Scenarios.SdkElement(sdk.Version));
        var firstBuild = consumer.Build();
        Assert.True(firstBuild.ExitCode == 0, consumer.Explain(firstBuild));

        consumer.WriteFile(".releaserc.json", "{ this is not json");
        var secondBuild = consumer.Build("--no-restore");

        Assert.True(secondBuild.ExitCode != 0, consumer.Explain(secondBuild));
        Assert.Contains("error RSDK1001", secondBuild.Output);
    }

    [Fact]
    public void ReleaseBranchItemsDefineAPrereleaseChannel()
    {
        using var consumer = new Consumer(sdk, output);
        consumer.Repo.Commit("fix: first fix");
        consumer.Repo.Tag("v1.2.3");
        consumer.Repo.Checkout("preview", create: true);
        consumer.Repo.Commit("feat: try something");
        consumer.WriteProject($"""
            {Scenarios.SdkElement(sdk.Version)}
              <ItemGroup>
                <ReleaseBranch Include="main" />
                <ReleaseBranch Include="preview" Prerelease="true" Channel="preview" />
              </ItemGroup>
            """);

        var result = consumer.GetProperties("ReleaseComputeVersion", ["ReleaseNextVersion", "ReleaseChannel", "ReleaseBranch"]);

        Assert.True(result.ExitCode == 0, consumer.Explain(result));
        var properties = VersionStampingTests.PropertiesJson(result.StdOut);
        Assert.Equal(("1.3.0-preview.1", "preview", "preview"), (properties["ReleaseNextVersion"], properties["ReleaseChannel"], properties["ReleaseBranch"]));
    }

    [Fact]
    public void ReleaseTagPrefixSelectsTheReleaseTags()
    {
        using var consumer = new Consumer(sdk, output);
        consumer.Repo.Commit("fix: first fix");
        consumer.Repo.Tag("v9.9.9");
        consumer.Repo.Tag("release-1.2.3");
        var sha = consumer.Repo.Commit("fix: a bug");
        consumer.WriteProject($"""
            {Scenarios.SdkElement(sdk.Version)}
              <PropertyGroup>
                <ReleaseTagPrefix>release-</ReleaseTagPrefix>
              </PropertyGroup>
            """);

        var result = consumer.GetProperties("ReleaseComputeVersion", ["ReleaseVersion", "ReleasePreviousTag", "ReleaseBump"]);

        Assert.True(result.ExitCode == 0, consumer.Explain(result));
        var properties = VersionStampingTests.PropertiesJson(result.StdOut);
        Assert.Equal(($"1.2.4-alpha.0.1+{sha[..7]}", "release-1.2.3", "patch"), (properties["ReleaseVersion"], properties["ReleasePreviousTag"], properties["ReleaseBump"]));
    }
}
