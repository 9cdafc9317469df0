using Xunit.Abstractions;

namespace Release.Sdk.Tests;

[Collection(PackedSdkCollection.Name)]
public sealed class OffSwitchAndFallbackTests(PackedSdk sdk, ITestOutputHelper output)
{
    [Fact]
    public void ReleaseSkipLeavesTheProjectsVersionAlone()
    {
        using var consumer = new Consumer(sdk, output);
        Scenarios.FeatAfterRelease(consumer);
        consumer.WriteProject($"""
            {Scenarios.SdkElement(sdk.Version)}
              <PropertyGroup>
                <ReleaseSkip>true</ReleaseSkip>
                <Version>4.5.6</Version>
              </PropertyGroup>
            """);

        var result = consumer.Build();

        Assert.True(result.ExitCode == 0, consumer.Explain(result));
        Assert.Empty(ConsumerFormTests.SummaryLines(result.Output));
        var attributes = consumer.Attributes();
        Assert.Equal(("4.5.6.0", "4.5.6.0"), (attributes.AssemblyVersion, attributes.FileVersion));
        Assert.StartsWith("4.5.6", attributes.InformationalVersion); // the SDK itself may append +sha
    }

    [Fact]
    public void NoRepositoryWarnsAndBuildsTheFallbackVersion()
    {
        using var consumer = new Consumer(sdk, output, gitRepository: false);
        consumer.WriteProject(Scenarios.SdkElement(sdk.Version));

        var result = consumer.Build();

        Assert.True(result.ExitCode == 0, consumer.Explain(result));
        Assert.Contains("warning RSDK0001", result.Output);
        Assert.StartsWith("0.0.0-", consumer.Attributes().InformationalVersion);
    }

    [Fact]
    public void DesignTimeBuildNeverFailsOnAnInvalidConfiguration()
    {
        using var consumer = new Consumer(sdk, output);
        Scenarios.FeatAfterRelease(consumer);
        consumer.WriteFile(".releaserc.json", "{ this is not json");
        consumer.WriteProject(Scenarios.SdkElement(sdk.Version));

        var result = consumer.GetProperties("ReleaseComputeVersion", ["ReleaseVersion", "Version"], "-p:DesignTimeBuild=true");

        Assert.True(result.ExitCode == 0, consumer.Explain(result));
        var properties = VersionStampingTests.PropertiesJson(result.StdOut);
        Assert.StartsWith("0.0.0-", properties["ReleaseVersion"]);
        Assert.Equal(properties["ReleaseVersion"], properties["Version"]);
    }
}
