using System.Security.Cryptography;
using System.Text;
using Release.Sdk.Notify.Notifiers;
using Release.Sdk.Notify.Sending;
using Release.Sdk.Notify.Tests.Servers;

namespace Release.Sdk.Notify.Tests.Contracts;

/// <summary>Contract tests: the generic JSON webhook's documented payload (docs/notifications.md) and its HMAC-SHA256 signature.</summary>
public sealed class WebhookContractTests
{
    [Fact]
    public async Task Contract_payload_has_every_documented_field()
    {
        await using var hook = new CaptureServer();
        await Samples.SendOne(Samples.Options($$"""{"name":"ops","kind":"webhook","url":"{{hook.Url}}/release"}"""), Samples.Failed());

        var request = Assert.Single(hook.Requests);
        Assert.Equal("release-failed", request.Header("X-Release-Sdk-Event"));
        Assert.Null(request.Header("X-Release-Sdk-Signature-256"));
        var body = request.Json.AsObject();
        Assert.Equal(["schema", "event", "status", "project", "version", "tag", "environment", "channel", "durationSeconds", "reason", "links", "title", "timestamp"],
            body.Select(p => p.Key).ToList());
        Assert.Equal("release-sdk.notification/v1", body["schema"]!.GetValue<string>());
        Assert.Equal("failure", body["status"]!.GetValue<string>());
        Assert.Equal("production", body["environment"]!.GetValue<string>());
        Assert.Equal(12.0, body["durationSeconds"]!.GetValue<double>());
        Assert.Null(body["channel"]);
        Assert.Equal("2026-03-04T12:30:00.000Z", body["timestamp"]!.GetValue<string>());
        var reason = body["reason"]!;
        Assert.Equal(("error rate 4.2% is above 1%", "RSDK7010", "canary analysis", "error_rate", "4.2%", "1%"),
            (reason["message"]!.GetValue<string>(), reason["code"]!.GetValue<string>(), reason["step"]!.GetValue<string>(),
             reason["metric"]!.GetValue<string>(), reason["value"]!.GetValue<string>(), reason["threshold"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Contract_signature_header_is_hmac_sha256_of_the_exact_body_under_the_secret()
    {
        await using var hook = new CaptureServer();
        await Samples.SendOne(Samples.Options($$"""{"name":"ops","kind":"webhook","url":"{{hook.Url}}/r","secretVariable":"HOOK_SECRET"}"""),
            Samples.Succeeded(), new() { ["HOOK_SECRET"] = "s3cr3t-value" });

        var request = Assert.Single(hook.Requests);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cr3t-value"), Encoding.UTF8.GetBytes(request.Body)));
        Assert.Equal(expected, request.Header("X-Release-Sdk-Signature-256"));
        Assert.Equal("https://github.com/acme/widget/releases/tag/v1.2.0", request.Json["links"]!["release"]!.GetValue<string>());
    }

    [Fact]
    public async Task Contract_retried_delivery_keeps_its_delivery_id()
    {
        await using var hook = new CaptureServer((_, i) => i == 0 ? new CannedResponse(503, "busy") : new CannedResponse(204, ""));
        var result = await Samples.SendOne(Samples.Options($$"""{"name":"ops","kind":"webhook","url":"{{hook.Url}}/r"}"""), Samples.Succeeded());

        Assert.Equal(NotifierOutcome.Sent, result.Outcome);
        Assert.Equal(2, hook.Requests.Count);
        Assert.Equal(hook.Requests[0].Header("X-Release-Sdk-Delivery"), hook.Requests[1].Header("X-Release-Sdk-Delivery"));
        Assert.Equal(WebhookNotifier.DeliveryId(Samples.Succeeded()), hook.Requests[0].Header("X-Release-Sdk-Delivery"));
        Assert.NotEqual(WebhookNotifier.DeliveryId(Samples.Failed()), WebhookNotifier.DeliveryId(Samples.Succeeded()));
    }

    [Fact]
    public async Task Custom_signature_header_name_is_used()
    {
        await using var hook = new CaptureServer();
        await Samples.SendOne(Samples.Options($$"""{"name":"ops","kind":"webhook","url":"{{hook.Url}}/r","secretVariable":"S","signatureHeader":"X-Hub-Signature-256"}"""),
            Samples.Succeeded(), new() { ["S"] = "another-secret" });

        Assert.StartsWith("sha256=", Assert.Single(hook.Requests).Header("X-Hub-Signature-256"));
    }
}
