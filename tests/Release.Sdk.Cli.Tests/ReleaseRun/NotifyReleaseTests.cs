using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Release.Sdk.TestKit;

namespace Release.Sdk.Cli.Tests.ReleaseRun;

/// <summary>
/// The notify and githubActions plugins inside a real `dotnet-release release` run (settings file plugins.notify, a
/// webhook on 127.0.0.1, GitHub Actions output files): notified once, released=true, then released=false on the rerun.
/// </summary>
public sealed class NotifyReleaseTests
{
    [Fact]
    public void Release_run_notifies_the_webhook_once_and_writes_github_outputs_then_the_rerun_says_released_false()
    {
        using var repos = new ReleaseRepos();
        using var hook = new RecordingWebhook();
        var outputFile = Path.Combine(repos.Work.Path, "obj", "github-output");
        var summaryFile = Path.Combine(repos.Work.Path, "obj", "step-summary.md");
        Directory.CreateDirectory(Path.GetDirectoryName(outputFile)!);
        repos.Environment["GITHUB_ACTIONS"] = "true";
        repos.Environment["GITHUB_OUTPUT"] = outputFile;
        repos.Environment["GITHUB_STEP_SUMMARY"] = summaryFile;
        repos.Settings($$"""  "plugins": { "notify": { "projectName": "Widget", "notifiers": [ { "spec": "ops", "kind": "webhook", "url": "{{hook.Url}}" } ] } }""");

        repos.Release().ShouldExit(0);
        var first = File.ReadAllText(outputFile);
        repos.Release().ShouldExit(0);

        var body = JsonNode.Parse(Assert.Single(hook.Bodies))!;
        Assert.Equal(("release-succeeded", "1.1.0", "Widget"), (body["event"]!.GetValue<string>(), body["version"]!.GetValue<string>(), body["project"]!.GetValue<string>()));
        Assert.Contains("released=true\nversion=1.1.0\ntag=v1.1.0\nrelease-url=\nnotes<<ghadelimiter_", first);
        Assert.EndsWith("released=false\nversion=\ntag=\nrelease-url=\n", File.ReadAllText(outputFile));
        var summary = File.ReadAllText(summaryFile);
        Assert.StartsWith("## Released 1.1.0 (`v1.1.0`)", summary);
        Assert.Contains("### No release", summary);
    }

    [Fact]
    public void Invalid_notifier_stops_the_run_with_RSDK6502_before_anything_is_tagged()
    {
        using var repos = new ReleaseRepos();
        var start = repos.Work.Head;
        repos.Settings("""  "plugins": { "notify": { "notifiers": [ { "spec": "ops", "kind": "pigeon" } ] } }""");

        var run = repos.Release().ShouldExit(1);

        Assert.Contains("RSDK6502", run.StdErr);
        Assert.Contains("kind \"pigeon\" is unknown", run.StdErr);
        Assert.Equal(start, repos.Work.Head);
        Assert.False(repos.OriginHas("v1.1.0"));
    }
}
