using System.Text.Json.Nodes;
using Xunit.Abstractions;
using Release.Sdk.TestKit;

namespace Release.Sdk.Tests.ReleaseRun;

/// <summary>
/// Packed end to end: a ReleaseNotifier item and ReleaseNotifyProjectName in the project reach dotnet-release through
/// Release.Sdk.Notify.targets and the settings file, and the release run notifies a local webhook once.
/// </summary>
[Collection(PackedSdkCollection.Name)]
[Trait("Category", "E2E")]
public sealed class NotifyTargetsTests(PackedSdk sdk, ITestOutputHelper output)
{
    [Fact]
    public void ReleaseNotifierItemNotifiesTheWebhookWhenThePackReleases()
    {
        using var hook = new RecordingWebhook();
        using var sample = new ReleaseSample(sdk, output);
        sample.Consumer.WriteFile("Directory.Build.targets", $"""
            <Project>
              <PropertyGroup>
                <ReleaseNotifyProjectName>Sample App</ReleaseNotifyProjectName>
              </PropertyGroup>
              <ItemGroup>
                <ReleaseNotifier Include="ops-hook" Kind="webhook" Url="{hook.Url}" Events="release-succeeded;release-failed" Retries="0" />
              </ItemGroup>
            </Project>
            """);
        sample.Repo.Git("add", "-A");
        sample.Repo.Commit("chore: notify the ops webhook");
        sample.Repo.Git("push", "-q", "origin", "main");

        var result = sample.Pack("-p:ReleaseCreate=true");

        Assert.True(result.ExitCode == 0, sample.Explain(result));
        var body = JsonNode.Parse(Assert.Single(hook.Bodies))!;
        Assert.Equal(("release-succeeded", ReleaseSample.Version, ReleaseSample.Tag, "Sample App", "production"),
            (body["event"]!.GetValue<string>(), body["version"]!.GetValue<string>(), body["tag"]!.GetValue<string>(),
             body["project"]!.GetValue<string>(), body["environment"]!.GetValue<string>()));
        Assert.Contains("ops-hook (webhook): sent", result.Output);
    }
}
