using Release.Sdk.Notify.Sending;
using Release.Sdk.Notify.Tests.Servers;

namespace Release.Sdk.Notify.Tests.Contracts;

/// <summary>Contract tests: Microsoft Teams incoming webhooks (Adaptive Card message and legacy MessageCard).</summary>
public sealed class TeamsContractTests
{
    [Fact]
    public async Task Contract_adaptive_card_message_has_title_facts_and_release_action()
    {
        await using var teams = new CaptureServer((_, _) => new CannedResponse(202, ""));
        var result = await Samples.SendOne(Samples.Options($$"""{"name":"teams","kind":"teams","url":"{{teams.Url}}/workflows/abc"}"""), Samples.Succeeded());

        Assert.Equal(NotifierOutcome.Sent, result.Outcome);
        var body = Assert.Single(teams.Requests).Json;
        Assert.Equal("message", body["type"]!.GetValue<string>());
        var attachment = body["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        var card = attachment["content"]!;
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.4", card["version"]!.GetValue<string>());
        Assert.Equal("✅ Widget Release 1.2.0 - Production", card["body"]![0]!["text"]!.GetValue<string>());
        var facts = card["body"]![1]!["facts"]!.AsArray().Select(f => $"{f!["title"]}={f["value"]}").ToList();
        Assert.Equal(["Version=1.2.0", "Environment=Production", "Status=Success", "Duration=42.5s"], facts);
        Assert.Equal("Action.OpenUrl", card["actions"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("https://github.com/acme/widget/releases/tag/v1.2.0", card["actions"]![0]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Contract_messagecard_has_theme_colour_sections_facts_and_reason()
    {
        await using var teams = new CaptureServer((_, _) => new CannedResponse(200, "1"));
        await Samples.SendOne(Samples.Options($$"""{"name":"teams","kind":"teams","format":"messagecard","url":"{{teams.Url}}/webhookb2/x"}"""), Samples.Failed());

        var card = Assert.Single(teams.Requests).Json;
        Assert.Equal("MessageCard", card["@type"]!.GetValue<string>());
        Assert.Equal("https://schema.org/extensions", card["@context"]!.GetValue<string>());
        Assert.Equal("A30200", card["themeColor"]!.GetValue<string>());
        Assert.Equal("❌ Widget Release failed: 1.2.0 - Production", card["summary"]!.GetValue<string>());
        var section = card["sections"]![0]!;
        Assert.Equal("RSDK7010: error rate 4.2% is above 1%", section["text"]!.GetValue<string>());
        Assert.Contains(section["facts"]!.AsArray(), f => f!["name"]!.GetValue<string>() == "Threshold" && f["value"]!.GetValue<string>() == "1%");
    }

    [Fact]
    public async Task Contract_server_error_is_retried_within_bounds_then_reported()
    {
        await using var teams = new CaptureServer((_, _) => new CannedResponse(500, "Microsoft Teams endpoint returned HTTP error 500"));
        var result = await Samples.SendOne(Samples.Options($$"""{"name":"teams","kind":"teams","url":"{{teams.Url}}/w"}"""), Samples.Succeeded());

        Assert.Equal(NotifierOutcome.Failed, result.Outcome);
        Assert.Equal(3, result.Attempts); // 1 + Retries (2)
        Assert.Equal(3, teams.Requests.Count);
        Assert.Contains("HTTP 500", result.Detail);
        Assert.Equal("RSDK6501", result.Descriptor!.Code);
    }
}
