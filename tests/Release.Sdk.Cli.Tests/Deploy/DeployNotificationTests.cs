using System.Text.Json.Nodes;
using Release.Sdk.Cli.Deploy;
using Release.Sdk.Deploy.Journal;
using Release.Sdk.Deploy.Plan;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.TestKit;

namespace Release.Sdk.Cli.Tests.Deploy;

/// <summary>Deploy events reach the release run's notifiers (a generic webhook on 127.0.0.1, a contract test of its payload).</summary>
public sealed class DeployNotificationTests
{
    private static DeployPlan Plan(string notifications) => DeployPlanReader.Read(
        $$"""{ "app": "web", "version": "1.4.0", "publishDir": ".", "strategy": "canary"{{notifications}} }""", Path.GetTempPath(), "test plan");

    [Fact]
    public async Task A_rollback_tells_the_webhook_the_failing_metric_value_threshold_and_step_and_a_pause_tells_nobody()
    {
        using var hook = new RecordingWebhook();
        var plan = Plan($$""", "notify.environment": "staging", "notifiers": [ { "spec": "ops", "kind": "webhook", "url": "{{hook.Url}}" } ]""");
        var log = new StringWriter();
        var sink = DeployNotificationSinks.Create(log, plan, new Dictionary<string, string?>());

        await sink.NotifyAsync(new DeployEvent(DeployEventKind.Paused, "web", "1.4.0", "1.3.0", "canary", "canary 25%", DateTimeOffset.UnixEpoch, "inconclusive"), default);
        await sink.NotifyAsync(new DeployEvent(DeployEventKind.RolledBack, "web", "1.4.0", "1.3.0", "canary", "canary 25%",
            new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), "error-rate above its limit", "error-rate", 0.2, 0.01), default);

        var body = JsonNode.Parse(Assert.Single(hook.Bodies))!;
        Assert.Equal("deploy-rolled-back", body["event"]!.GetValue<string>());
        Assert.Equal("failure", body["status"]!.GetValue<string>());
        Assert.Equal(("1.4.0", "staging", "web"), (body["version"]!.GetValue<string>(), body["environment"]!.GetValue<string>(), body["project"]!.GetValue<string>()));
        var reason = body["reason"]!;
        Assert.Equal(("error-rate", "0.2", "0.01", "canary 25%"), (reason["metric"]!.GetValue<string>(), reason["value"]!.GetValue<string>(), reason["threshold"]!.GetValue<string>(), reason["step"]!.GetValue<string>()));
        Assert.Contains("notify ops: sent deploy-rolled-back", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_notifier_that_cannot_be_reached_is_a_logged_warning_not_a_failed_deploy()
    {
        var plan = Plan(""", "notifiers": [ { "spec": "ops", "kind": "webhook", "url": "http://127.0.0.1:9/unreachable", "retries": "0", "timeout": "2" } ]""");
        var log = new StringWriter();
        var sink = DeployNotificationSinks.Create(log, plan, new Dictionary<string, string?>());

        await sink.NotifyAsync(new DeployEvent(DeployEventKind.Completed, "web", "1.4.0", "1.3.0", "canary", "done", DateTimeOffset.UnixEpoch, "completed"), default);

        Assert.Contains("notifier 'ops' could not send deploy-completed", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_notify_key_in_the_plan_is_a_coded_error()
    {
        var error = Assert.Throws<ReleaseException>(() => Plan(""", "notifierz": [] """));
        Assert.Equal("RSDK7001", error.Descriptor.Code);
    }
}
