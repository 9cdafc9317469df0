using Release.Sdk.TestKit;
using Xunit.Abstractions;

namespace Release.Sdk.Tests;

/// <summary>
/// The packed package end to end: `dotnet publish -p:ReleaseDeploy=canary` on a web app writes the plan, runs the
/// shipped dotnet-release out of process with the shipped router, and leaves the app answering behind it.
/// (The strategies' own behaviour under load is proven by tests/Release.Sdk.Deploy.E2E.)
/// </summary>
[Collection(PackedSdkCollection.Name)]
[Trait("Category", "E2E")]
public sealed class DeployTests(PackedSdk sdk, ITestOutputHelper output)
{
    [Fact]
    public async Task PublishWithReleaseDeployServesTheAppBehindTheShippedRouter()
    {
        using var consumer = new Consumer(sdk, output);
        Scenarios.FeatAfterRelease(consumer);
        consumer.WriteFile("Program.cs", """
            using Microsoft.AspNetCore.Builder;
            var app = WebApplication.CreateSlimBuilder(args).Build();
            app.MapGet("/health", () => "ok");
            app.MapGet("/", () => "hello from the deployed app");
            app.Run();
            """);
        consumer.WriteProject(Scenarios.SdkElement(sdk.Version), header: """<Project Sdk="Microsoft.NET.Sdk.Web">""");
        // Handed to the router the deploy starts in another process: a lost race fails the publish, too costly to retry.
        var port = LoopbackPorts.Free();
        var cli = Path.Combine(sdk.Packages, "release.sdk", sdk.Version, "tasks", "net10.0", "dotnet-release.dll");
        try
        {
            var result = consumer.Dotnet(["publish", "App.csproj", "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false",
                "-p:ReleaseDeploy=canary", $"-p:ReleaseDeployRouterProxyUrl=http://127.0.0.1:{port}"]);

            Assert.True(result.ExitCode == 0, consumer.Explain(result));
            Assert.Contains("Release.Sdk: deploying App with canary to local", result.Output, StringComparison.Ordinal);
            Assert.Contains("serves 100% of traffic", result.Output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(consumer.Path, "obj", "release-deploy-plan.json")));
            Assert.True(File.Exists(Path.Combine(consumer.Path, "obj", "release-deploy", "journal.json")));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            Assert.Equal("hello from the deployed app", await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/")));
        }
        finally
        {
            consumer.Dotnet(["exec", cli, "deploy", "down", "--state-dir", Path.Combine(consumer.Path, "obj", "release-deploy")]);
        }
    }}
