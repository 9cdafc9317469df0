using Xunit.Abstractions;

namespace Release.Sdk.Tests;

[Collection(PackedSdkCollection.Name)]
public sealed class GitHubActionsTests(PackedSdk sdk, ITestOutputHelper output)
{
    [Fact]
    public void OnGitHubActionsTheOutputsAreAppendedOnce()
    {
        using var consumer = new Consumer(sdk, output);
        var sha = Scenarios.FeatAfterRelease(consumer);
        consumer.Repo.Git("checkout", "-q", "--detach");
        consumer.WriteProject(Scenarios.SdkElement(sdk.Version));
        var outputFile = Path.Combine(consumer.Path, "github-output.txt");
        File.WriteAllText(outputFile, "earlier=step\n");
        var environment = new Dictionary<string, string?>
        {
            ["CI"] = "true",
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_REF"] = "refs/heads/main",
            ["GITHUB_REF_NAME"] = "main",
            ["GITHUB_REF_TYPE"] = "branch",
            ["GITHUB_EVENT_NAME"] = "push",
            ["GITHUB_OUTPUT"] = outputFile,
        };

        var result = consumer.Build(environment);

        Assert.True(result.ExitCode == 0, consumer.Explain(result));
        var lines = File.ReadAllLines(outputFile);
        Assert.Equal("earlier=step", lines[0]);
        Assert.Single(lines, $"version={Scenarios.BuildVersionAfterFeat(sha)}");
        Assert.Single(lines, "bump=minor");
        Assert.Single(lines, "previous-version=1.2.3");
        Assert.Contains(lines, l => l.StartsWith("channel=", StringComparison.Ordinal));
    }
}
