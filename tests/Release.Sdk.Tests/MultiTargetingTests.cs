using Xunit.Abstractions;

namespace Release.Sdk.Tests;

[Collection(PackedSdkCollection.Name)]
public sealed class MultiTargetingTests(PackedSdk sdk, ITestOutputHelper output)
{
    [Fact]
    public void OuterBuildComputesOnceAndInnerBuildsReuseIt()
    {
        // netstandard2.0 needs NETStandard.Library from nuget.org; only net10.0's targeting pack is installed here.
        using var consumer = new Consumer(sdk, output, nugetOrg: true);
        var sha = Scenarios.FeatAfterRelease(consumer);
        consumer.WriteFile("App.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
            {Scenarios.SdkElement(sdk.Version)}
              <PropertyGroup>
                <TargetFrameworks>net10.0;netstandard2.0</TargetFrameworks>
              </PropertyGroup>
            </Project>
            """);

        var result = consumer.Build("-v:n");

        Assert.True(result.ExitCode == 0, consumer.Explain(result));
        Assert.Single(ConsumerFormTests.SummaryLines(result.Output));
        // Each inner build takes the outer build's result instead of walking the history again.
        Assert.Equal(2, result.Output.Split('\n').Count(l => l.Contains("Reusing the Release.Sdk version", StringComparison.Ordinal)));
        Assert.Equal(Scenarios.BuildVersionAfterFeat(sha), consumer.Attributes("net10.0").InformationalVersion);
        Assert.Equal(Scenarios.BuildVersionAfterFeat(sha), consumer.Attributes("netstandard2.0").InformationalVersion);
    }
}
