using Xunit.Abstractions;

namespace Release.Sdk.Tests;

[Collection(PackedSdkCollection.Name)]
public sealed class DiagnosticsTests(PackedSdk sdk, ITestOutputHelper output)
{
    [Fact]
    public void InvalidConfigFileFailsTheBuildWithItsCode()
    {
        using var consumer = new Consumer(sdk, output);
        Scenarios.FeatAfterRelease(consumer);
        consumer.WriteFile(".releaserc.json", "{ this is not json");
        consumer.WriteProject(Scenarios.SdkElement(sdk.Version));

        var result = consumer.Build();

        Assert.True(result.ExitCode != 0, consumer.Explain(result));
        Assert.Contains("error RSDK1001", result.Output);
    }

    [Fact]
    public void InvalidReleaseRuleItemFailsTheBuildWithItsCode()
    {
        using var consumer = new Consumer(sdk, output);
        Scenarios.FeatAfterRelease(consumer);
        consumer.WriteProject($"""
            {Scenarios.SdkElement(sdk.Version)}
              <ItemGroup>
                <ReleaseRule Include="typo" Type="chore" Release="minr" />
              </ItemGroup>
            """);

        var result = consumer.Build();

        Assert.True(result.ExitCode != 0, consumer.Explain(result));
        Assert.Contains("error RSDK1003", result.Output);
        Assert.Contains("Release=\"minr\"", result.Output);
    }
}
