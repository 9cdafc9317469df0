using Release.Sdk.Notify.Sending;
using Release.Sdk.Notify.Tests.Servers;

namespace Release.Sdk.Notify.Tests.Contracts;

/// <summary>Contract tests: Slack incoming webhooks and chat.postMessage, against a capture server speaking Slack's documented answers.</summary>
public sealed class SlackContractTests
{
    [Fact]
    public async Task Contract_webhook_posts_the_seed_attachment_with_version_environment_status_duration()
    {
        await using var slack = new CaptureServer();
        var result = await Samples.SendOne(Samples.Options($$"""{"name":"team","kind":"slack","urlVariable":"SLACK_WEBHOOK"}"""),
            Samples.Succeeded(), new() { ["SLACK_WEBHOOK"] = $"{slack.Url}/services/T000/B000/XXXXSECRET" });

        Assert.Equal(NotifierOutcome.Sent, result.Outcome);
        var request = Assert.Single(slack.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/services/T000/B000/XXXXSECRET", request.Path);
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        var body = request.Json;
        Assert.Null(body["channel"]); // incoming webhooks post to the channel they were created for
        Assert.Equal("✅ Widget Release 1.2.0 - Production", body["text"]!.GetValue<string>());
        var attachment = body["attachments"]![0]!;
        Assert.Equal("good", attachment["color"]!.GetValue<string>());
        Assert.Equal("https://github.com/acme/widget/releases/tag/v1.2.0", attachment["title_link"]!.GetValue<string>());
        Assert.Equal(Samples.Time.ToUnixTimeSeconds(), attachment["ts"]!.GetValue<long>());
        var fields = attachment["fields"]!.AsArray().Select(f => (f!["title"]!.GetValue<string>(), f["value"]!.GetValue<string>(), f["short"]!.GetValue<bool>())).ToList();
        Assert.Equal([("Version", "1.2.0", true), ("Environment", "Production", true), ("Status", "Success", true), ("Duration", "42.5s", true)], fields);
    }

    [Fact]
    public async Task Contract_webhook_failure_message_is_red_and_carries_the_reason()
    {
        await using var slack = new CaptureServer();
        await Samples.SendOne(Samples.Options($$"""{"name":"team","kind":"slack","url":"{{slack.Url}}/hook"}"""), Samples.Failed());

        var attachment = Assert.Single(slack.Requests).Json["attachments"]![0]!;
        Assert.Equal("danger", attachment["color"]!.GetValue<string>());
        Assert.Equal("RSDK7010: error rate 4.2% is above 1%", attachment["text"]!.GetValue<string>());
        var titles = attachment["fields"]!.AsArray().Select(f => f!["title"]!.GetValue<string>()).ToList();
        Assert.Equal(["Version", "Environment", "Status", "Duration", "Failed step", "Metric", "Value", "Threshold", "Code"], titles);
    }

    [Fact]
    public async Task Contract_webhook_4xx_is_reported_at_once_with_slacks_reason_and_the_secret_url_redacted()
    {
        const string secretPath = "/services/T000/B000/TOPSECRET123";
        // Slack answers refusals in plain text; this one echoes the address, which must not reach the report.
        await using var slack = new CaptureServer((r, _) => new CannedResponse(404, $"no_service {r.Path}"));
        var result = await Samples.SendOne(Samples.Options("""{"name":"team","kind":"slack","urlVariable":"SLACK_WEBHOOK"}"""),
            Samples.Succeeded(), new() { ["SLACK_WEBHOOK"] = slack.Url + secretPath });

        Assert.Equal(NotifierOutcome.Failed, result.Outcome);
        Assert.Equal(1, result.Attempts); // 4xx is not transient: no retry
        Assert.Contains("HTTP 404", result.Detail);
        Assert.Contains("no_service", result.Detail);
        Assert.DoesNotContain("TOPSECRET123", result.Detail);
    }

    [Fact]
    public async Task Contract_chat_postMessage_sends_bearer_token_and_the_environments_channel()
    {
        await using var slack = new CaptureServer((_, _) => CannedResponse.Json("""{"ok":true,"channel":"C123","ts":"1503435956.000247"}"""));
        var options = Samples.Options($$"""
            {"name":"team","kind":"slack","url":"{{slack.Url}}/api/chat.postMessage","tokenVariable":"SLACK_TOKEN","channel":"#general",
             "channels":{"development":"#dev-releases","staging":"#staging-releases","production":"#production-releases"} }
            """);
        var set = Samples.Set(options, new() { ["SLACK_TOKEN"] = "xoxb-test-token" });

        foreach (var environment in new[] { "development", "staging", "production", "qa" })
            Assert.Equal(NotifierOutcome.Sent, Assert.Single(await set.SendAsync(Samples.Succeeded(environment))).Outcome);

        Assert.All(slack.Requests, r =>
        {
            Assert.Equal("/api/chat.postMessage", r.Path);
            Assert.Equal("Bearer xoxb-test-token", r.Header("Authorization"));
        });
        // Sent one after another, so the requests are in send order; "qa" has no channel of its own: the fallback.
        Assert.Equal(["#dev-releases", "#staging-releases", "#production-releases", "#general"], slack.Requests.Select(r => r.Json["channel"]!.GetValue<string>()).ToList());
    }

    [Fact]
    public async Task Contract_chat_postMessage_ok_false_is_a_failure_with_slacks_error_and_is_not_retried()
    {
        await using var slack = new CaptureServer((_, _) => CannedResponse.Json("""{"ok":false,"error":"channel_not_found"}"""));
        var result = await Samples.SendOne(
            Samples.Options($$"""{"name":"team","kind":"slack","url":"{{slack.Url}}/api/chat.postMessage","tokenVariable":"SLACK_TOKEN","channel":"#nope"}"""),
            Samples.Succeeded(), new() { ["SLACK_TOKEN"] = "xoxb-test-token" });

        Assert.Equal(NotifierOutcome.Failed, result.Outcome);
        Assert.Contains("channel_not_found", result.Detail);
        Assert.Contains("invite the bot", result.Detail);
        Assert.Single(slack.Requests);
    }

    [Fact]
    public async Task Contract_chat_postMessage_ratelimited_429_with_retry_after_is_retried_then_sent()
    {
        await using var slack = new CaptureServer((_, i) => i == 0
            ? new CannedResponse(429, "") { Headers = new Dictionary<string, string> { ["Retry-After"] = "0" } }
            : CannedResponse.Json("""{"ok":true}"""));
        var result = await Samples.SendOne(
            Samples.Options($$"""{"name":"team","kind":"slack","url":"{{slack.Url}}/api/chat.postMessage","tokenVariable":"SLACK_TOKEN","channel":"#releases"}"""),
            Samples.Succeeded(), new() { ["SLACK_TOKEN"] = "xoxb-test-token" });

        Assert.Equal(NotifierOutcome.Sent, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, slack.Requests.Count);
    }

    [Fact]
    public async Task Contract_chat_postMessage_error_echoing_the_token_is_redacted()
    {
        await using var slack = new CaptureServer((r, _) => CannedResponse.Json($$"""{"ok":false,"error":"invalid_auth {{r.Header("Authorization")}}"}"""));
        var result = await Samples.SendOne(
            Samples.Options($$"""{"name":"team","kind":"slack","url":"{{slack.Url}}/api","tokenVariable":"SLACK_TOKEN","channel":"#releases"}"""),
            Samples.Succeeded(), new() { ["SLACK_TOKEN"] = "xoxb-very-secret" });

        Assert.Equal(NotifierOutcome.Failed, result.Outcome);
        Assert.Contains("invalid_auth", result.Detail);
        Assert.DoesNotContain("xoxb-very-secret", result.Detail);
        Assert.Contains("***", result.Detail);
    }
}
