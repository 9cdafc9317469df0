using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Notify.Plugin;
using Release.Sdk.Notify.Tests.Servers;

namespace Release.Sdk.Notify.Tests.Plugin;

/// <summary>The "notify" release-run plugin: release-succeeded / release-failed, at most once per release across reruns, failures as warnings.</summary>
public sealed class NotifyPluginTests
{
    private static JsonObject Plugins(string url, string extra = "") => JsonNode.Parse($$"""
        {"notify":{"projectName":"Widget","notifiers":[{"spec":"ops","path":"ops","kind":"webhook","url":"{{url}}"{{extra}} }]} }
        """)!.AsObject();

    [Fact]
    public async Task Success_sends_release_succeeded_with_the_release_url_and_journals_it_so_a_rerun_does_not_repeat_it()
    {
        await using var hook = new CaptureServer();
        var run = new PluginContexts();
        run.Outputs["release-url"] = "https://github.com/acme/widget/releases/tag/v1.2.0";
        var plugin = NotifyPlugin.Create(Plugins($"{hook.Url}/r"), null, new Dictionary<string, string?>(), policy: Samples.Fast)!;

        plugin.VerifyConditions(run.Context());
        plugin.Success(run.Context());
        // A rerun completing the release (same journal, read back from the tag's notes): nothing is sent twice.
        NotifyPlugin.Create(Plugins($"{hook.Url}/r"), null, new Dictionary<string, string?>(), policy: Samples.Fast)!.Success(run.Context());

        var body = Assert.Single(hook.Requests).Json;
        Assert.Equal(("release-succeeded", "1.2.0", "v1.2.0", "production", "Widget"),
            (body["event"]!.GetValue<string>(), body["version"]!.GetValue<string>(), body["tag"]!.GetValue<string>(),
             body["environment"]!.GetValue<string>(), body["project"]!.GetValue<string>()));
        Assert.Equal("https://github.com/acme/widget/releases/tag/v1.2.0", body["links"]!["release"]!.GetValue<string>());
        Assert.Equal("https://github.com/acme/widget", body["links"]!["repository"]!.GetValue<string>());
        Assert.True(body["durationSeconds"]!.GetValue<double>() >= 0);
        Assert.True(run.Journal.IsDone("notify:ops:succeeded"));
        Assert.Empty(run.Warnings);
        Assert.Contains(run.Log, l => l.Contains("ops (webhook): skipped — already sent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fail_sends_release_failed_with_the_coded_reason()
    {
        await using var hook = new CaptureServer();
        var run = new PluginContexts();
        var plugin = NotifyPlugin.Create(Plugins($"{hook.Url}/r"), null, new Dictionary<string, string?>(), policy: Samples.Fast)!;

        plugin.Fail(run.Context(), new ReleaseException(DiagnosticCatalog.PushRejected, "The push of v1.2.0 to origin was rejected: non-fast-forward."));

        var body = Assert.Single(hook.Requests).Json;
        Assert.Equal("release-failed", body["event"]!.GetValue<string>());
        Assert.Equal("RSDK4105", body["reason"]!["code"]!.GetValue<string>());
        Assert.Contains("non-fast-forward", body["reason"]!["message"]!.GetValue<string>());
        Assert.True(run.Journal.IsDone("notify:ops:failed"));
    }

    [Fact]
    public async Task A_failing_notifier_becomes_an_RSDK6501_warning_and_is_not_journaled_so_the_next_run_tries_again()
    {
        await using var hook = new CaptureServer((_, _) => new CannedResponse(500, "down"));
        var run = new PluginContexts();
        var plugin = NotifyPlugin.Create(Plugins($"{hook.Url}/r", ""","retries":"0" """), null, new Dictionary<string, string?>(), policy: Samples.Fast)!;

        plugin.Success(run.Context());

        var warning = Assert.Single(run.Warnings);
        Assert.Equal("RSDK6501", warning.Code);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("The 'ops' notifier (webhook) did not send release-succeeded for 1.2.0 (production): the webhook answered HTTP 500", warning.Message);
        Assert.Contains("The release is not affected", warning.Message);
        Assert.False(run.Journal.IsDone("notify:ops:succeeded"));
    }

    [Fact]
    public async Task Prerelease_is_announced_for_staging_so_production_only_notifiers_stay_quiet()
    {
        await using var smtp = new InProcessSmtpServer();
        var plugins = JsonNode.Parse($$"""
            {"notify":{"notifiers":[{"spec":"mail","kind":"email","host":"127.0.0.1","port":"{{smtp.Port}}","security":"none","from":"r@example.com","to":"t@example.com"}]} }
            """)!.AsObject();
        var run = new PluginContexts();

        NotifyPlugin.Create(plugins, null, new Dictionary<string, string?>(), policy: Samples.Fast)!.Success(run.Context("1.3.0-beta.1"));

        Assert.Empty(smtp.Messages);
        Assert.Contains(run.Log, l => l.Contains("environment 'staging' is not in its Environments (production)", StringComparison.Ordinal));
    }

    [Fact]
    public void No_notifier_or_ReleaseNotify_false_means_no_plugin()
    {
        var env = new Dictionary<string, string?>();
        Assert.Null(NotifyPlugin.Create(null, null, env));
        Assert.Null(NotifyPlugin.Create(JsonNode.Parse("""{"notify":{"enabled":"false","notifiers":[{"spec":"a","kind":"webhook","url":"https://a.example"}]}}""")!.AsObject(), null, env));
        Assert.NotNull(NotifyPlugin.Create(null, JsonNode.Parse("""{"notifications":{"notifiers":[{"name":"a","kind":"webhook","url":"https://a.example"}]}}""")!.AsObject(), env));
    }
}
