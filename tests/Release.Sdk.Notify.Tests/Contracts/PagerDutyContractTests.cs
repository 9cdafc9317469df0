using Release.Sdk.Notify.Events;
using Release.Sdk.Notify.Sending;
using Release.Sdk.Notify.Tests.Servers;

namespace Release.Sdk.Notify.Tests.Contracts;

/// <summary>Contract tests: PagerDuty Events API v2 (POST /v2/enqueue), against a capture server answering 202 as PagerDuty documents.</summary>
public sealed class PagerDutyContractTests
{
    private static CannedResponse Accepted(CapturedRequest r) =>
        CannedResponse.Json($$"""{"status":"success","message":"Event processed","dedup_key":"{{r.Json["dedup_key"]}}"}""", 202);

    [Fact]
    public async Task Contract_failure_triggers_with_routing_key_dedup_key_and_payload_then_success_resolves_the_same_key()
    {
        await using var pagerDuty = new CaptureServer((r, _) => Accepted(r));
        var set = Samples.Set(Samples.Options($$"""{"name":"pager","kind":"pagerduty","url":"{{pagerDuty.Url}}/v2/enqueue","routingKeyVariable":"PD_KEY","severity":"error"}"""),
            new() { ["PD_KEY"] = "R0UT1NGKEY0123456789" });

        Assert.Equal(NotifierOutcome.Sent, Assert.Single(await set.SendAsync(Samples.Failed())).Outcome);
        Assert.Equal(NotifierOutcome.Sent, Assert.Single(await set.SendAsync(Samples.Succeeded())).Outcome);

        var trigger = pagerDuty.Requests[0];
        Assert.Equal(("POST", "/v2/enqueue"), (trigger.Method, trigger.Path));
        var body = trigger.Json;
        Assert.Equal("R0UT1NGKEY0123456789", body["routing_key"]!.GetValue<string>());
        Assert.Equal("trigger", body["event_action"]!.GetValue<string>());
        Assert.Equal("release-sdk/Widget/1.2.0", body["dedup_key"]!.GetValue<string>());
        var payload = body["payload"]!;
        Assert.Equal("❌ Widget Release failed: 1.2.0 - Production: RSDK7010: error rate 4.2% is above 1%", payload["summary"]!.GetValue<string>());
        Assert.Equal("Widget", payload["source"]!.GetValue<string>());
        Assert.Equal("error", payload["severity"]!.GetValue<string>());
        Assert.Equal("2026-03-04T12:30:00.000Z", payload["timestamp"]!.GetValue<string>());
        Assert.Equal("production", payload["group"]!.GetValue<string>());
        Assert.Equal("release-failed", payload["class"]!.GetValue<string>());
        Assert.Equal("error_rate", payload["custom_details"]!["metric"]!.GetValue<string>());

        var resolve = pagerDuty.Requests[1].Json.AsObject();
        Assert.Equal(["routing_key", "event_action", "dedup_key"], resolve.Select(p => p.Key).ToList());
        Assert.Equal("resolve", resolve["event_action"]!.GetValue<string>());
        Assert.Equal("release-sdk/Widget/1.2.0", resolve["dedup_key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deploy_events_dedup_per_environment_and_in_progress_events_are_skipped()
    {
        await using var pagerDuty = new CaptureServer((r, _) => Accepted(r));
        var set = Samples.Set(Samples.Options($$"""{"name":"pager","kind":"pagerduty","url":"{{pagerDuty.Url}}/v2/enqueue","routingKeyVariable":"PD_KEY"}"""),
            new() { ["PD_KEY"] = "R0UT1NGKEY0123456789" });

        var started = Assert.Single(await set.SendAsync(Samples.Deploy(NotificationKind.DeployStarted)));
        var rolledBack = Assert.Single(await set.SendAsync(Samples.Failed(NotificationKind.DeployRolledBack, "staging")));

        Assert.Equal(NotifierOutcome.Skipped, started.Outcome);
        Assert.Equal(NotifierOutcome.Sent, rolledBack.Outcome);
        var request = Assert.Single(pagerDuty.Requests);
        Assert.Equal("release-sdk/Widget/1.2.0/staging", request.Json["dedup_key"]!.GetValue<string>());
        Assert.Equal("critical", request.Json["payload"]!["severity"]!.GetValue<string>());
    }

    [Fact]
    public async Task Contract_invalid_event_400_is_reported_without_the_routing_key()
    {
        await using var pagerDuty = new CaptureServer((r, _) => CannedResponse.Json(
            $$"""{"status":"invalid event","message":"Event object is invalid","errors":["Invalid routing key {{r.Json["routing_key"]}}"]}""", 400));
        var result = await Samples.SendOne(Samples.Options($$"""{"name":"pager","kind":"pagerduty","url":"{{pagerDuty.Url}}/v2/enqueue","routingKeyVariable":"PD_KEY"}"""),
            Samples.Failed(), new() { ["PD_KEY"] = "R0UT1NGKEY0123456789" });

        Assert.Equal(NotifierOutcome.Failed, result.Outcome);
        Assert.Equal(1, result.Attempts);
        Assert.Contains("HTTP 400", result.Detail);
        Assert.Contains("Invalid routing key ***", result.Detail);
        Assert.DoesNotContain("R0UT1NGKEY0123456789", result.Detail);
    }
}
