using Xunit.Abstractions;

namespace Release.Sdk.Tests;

/// <summary>Every way a project can take Release.Sdk gets the same stamped build.</summary>
[Collection(PackedSdkCollection.Name)]
public sealed class ConsumerFormTests(PackedSdk sdk, ITestOutputHelper output)
{
    [Fact]
    public void SdkElementWithVersionStampsAllAssemblyVersions()
    {
        using var consumer = new Consumer(sdk, output);
        var sha = Scenarios.FeatAfterRelease(consumer);
        consumer.WriteProject(Scenarios.SdkElement(sdk.Version));

        var result = consumer.Build();

        Assert.True(result.ExitCode == 0, consumer.Explain(result));
        Assert.Equal(new AssemblyAttributes("1.0.0.0", "1.3.0.0", Scenarios.BuildVersionAfterFeat(sha)), consumer.Attributes());
        Assert.Contains("Release.Sdk: 1.3.0-alpha.0.1 (minor: 1 feat since v1.2.3)", result.Output);
    }

    [Fact]
    public void SdkAttributeFormStampsTheVersion()
    {
        using var consumer = new Consumer(sdk, output);
        var sha = Scenarios.FeatAfterRelease(consumer);
        consumer.WriteProject("", header: $"""<Project Sdk="Microsoft.NET.Sdk;Release.Sdk/{sdk.Version}">""");

        var result = consumer.Build();

        Assert.True(result.ExitCode == 0, consumer.Explain(result));
        Assert.Equal(Scenarios.BuildVersionAfterFeat(sha), consumer.Attributes().InformationalVersion);
    }

    [Fact]
    public void SdkElementWithVersionInGlobalJsonStampsTheVersion()
    {
        using var consumer = new Consumer(sdk, output);
        var sha = Scenarios.FeatAfterRelease(consumer);
        consumer.WriteFile("global.json", $$"""{ "msbuild-sdks": { "Release.Sdk": "{{sdk.Version}}" } }""");
        consumer.WriteProject("""  <Sdk Name="Release.Sdk" />""");

        var result = consumer.Build();

        Assert.True(result.ExitCode == 0, consumer.Explain(result));
        Assert.Equal(Scenarios.BuildVersionAfterFeat(sha), consumer.Attributes().InformationalVersion);
    }

    [Fact]
    public void PackageReferenceStampsTheVersion()
    {
        using var consumer = new Consumer(sdk, output);
        var sha = Scenarios.FeatAfterRelease(consumer);
        consumer.WriteProject($"""
              <ItemGroup>
                <PackageReference Include="Release.Sdk" Version="{sdk.Version}" PrivateAssets="all" />
              </ItemGroup>
            """);

        var result = consumer.Build();

        Assert.True(result.ExitCode == 0, consumer.Explain(result));
        Assert.Equal(new AssemblyAttributes("1.0.0.0", "1.3.0.0", Scenarios.BuildVersionAfterFeat(sha)), consumer.Attributes());
    }

    [Fact]
    public void SdkAndPackageReferenceTogetherImportOnceAndReportOnce()
    {
        using var consumer = new Consumer(sdk, output);
        Scenarios.FeatAfterRelease(consumer);
        consumer.WriteProject($"""
            {Scenarios.SdkElement(sdk.Version)}
              <ItemGroup>
                <PackageReference Include="Release.Sdk" Version="{sdk.Version}" PrivateAssets="all" />
              </ItemGroup>
            """);

        var result = consumer.Build("-warnaserror");

        Assert.True(result.ExitCode == 0, consumer.Explain(result));
        Assert.Single(SummaryLines(result.Output));
    }

    internal static string[] SummaryLines(string buildOutput) =>
        buildOutput.Split('\n').Where(l => l.TrimStart().StartsWith("Release.Sdk: ", StringComparison.Ordinal)).ToArray();
}
