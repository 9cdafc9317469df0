using Release.Sdk.Notify.Events;
using Release.Sdk.Notify.Sending;
using Release.Sdk.Notify.Tests.Servers;

namespace Release.Sdk.Notify.Tests.Contracts;

/// <summary>Contract tests: Atlassian Statuspage REST API v1 (components and incidents, "Authorization: OAuth key").</summary>
public sealed class StatuspageContractTests
{
    private const string Page = "/v1/pages/pg123";

    private static Dictionary<string, string?> Key => new() { ["STATUSPAGE_KEY"] = "sp-api-key-42" };

    private static Release.Sdk.Notify.Configuration.NotifierOptions Options(CaptureServer server) =>
        Samples.Options($$"""{"name":"status","kind":"statuspage","url":"{{server.Url}}/v1","pageId":"pg123","componentId":"cmp9","apiKeyVariable":"STATUSPAGE_KEY"}""");

    [Fact]
    public async Task Contract_deploy_started_puts_the_component_under_maintenance()
    {
        await using var statuspage = new CaptureServer((_, _) => CannedResponse.Json("""{"id":"cmp9","status":"under_maintenance"}"""));
        var result = await Samples.SendOne(Options(statuspage), Samples.Deploy(NotificationKind.DeployStarted), Key);

        Assert.Equal(NotifierOutcome.Sent, result.Outcome);
        var request = Assert.Single(statuspage.Requests);
        Assert.Equal(("PATCH", $"{Page}/components/cmp9"), (request.Method, request.Path));
        Assert.Equal("OAuth sp-api-key-42", request.Header("Authorization"));
        Assert.Equal("""{"component":{"status":"under_maintenance"}}""", request.Body);
    }

    [Fact]
    public async Task Contract_rollback_opens_an_identified_incident_with_the_component_degraded()
    {
        await using var statuspage = new CaptureServer((_, _) => CannedResponse.Json("""{"id":"inc1","status":"identified"}""", 201));
        await Samples.SendOne(Options(statuspage), Samples.Failed(NotificationKind.DeployRolledBack), Key);

        var request = Assert.Single(statuspage.Requests);
        Assert.Equal(("POST", $"{Page}/incidents"), (request.Method, request.Path));
        var incident = request.Json["incident"]!;
        Assert.Equal("[Widget/production] Widget Deploy rolled back: 1.2.0 - Production", incident["name"]!.GetValue<string>());
        Assert.Equal("identified", incident["status"]!.GetValue<string>());
        Assert.Contains("Reason: RSDK7010: error rate 4.2% is above 1%", incident["body"]!.GetValue<string>());
        Assert.Equal("cmp9", incident["component_ids"]![0]!.GetValue<string>());
        Assert.Equal("degraded_performance", incident["components"]!["cmp9"]!.GetValue<string>());
        Assert.True(incident["deliver_notifications"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Contract_success_restores_the_component_and_resolves_only_this_projects_incidents()
    {
        await using var statuspage = new CaptureServer((r, _) => r.Method == "GET"
            ? CannedResponse.Json("""
                [{"id":"inc1","name":"[Widget/production] Widget Deploy rolled back: 1.2.0 - Production","status":"identified"},
                 {"id":"inc2","name":"Database maintenance","status":"investigating"},
                 {"id":"inc3","name":"[Widget/staging] Widget Release failed: 1.1.0 - Staging","status":"identified"}]
                """)
            : CannedResponse.Json("""{"id":"x"}"""));
        var result = await Samples.SendOne(Options(statuspage), Samples.Deploy(NotificationKind.DeployCompleted), Key);

        Assert.Equal(NotifierOutcome.Sent, result.Outcome);
        Assert.Equal(
            [("PATCH", $"{Page}/components/cmp9"), ("GET", $"{Page}/incidents/unresolved"), ("PATCH", $"{Page}/incidents/inc1")],
            statuspage.Requests.Select(r => (r.Method, r.Path)).ToList());
        Assert.Equal("""{"component":{"status":"operational"}}""", statuspage.Requests[0].Body);
        Assert.Equal("resolved", statuspage.Requests[2].Json["incident"]!["status"]!.GetValue<string>());
        Assert.All(statuspage.Requests, r => Assert.Equal("OAuth sp-api-key-42", r.Header("Authorization")));
    }

    [Fact]
    public async Task Statuspage_reports_production_only_by_default_and_skips_promotions()
    {
        await using var statuspage = new CaptureServer();
        var set = Samples.Set(Options(statuspage), Key);

        var staging = Assert.Single(await set.SendAsync(Samples.Deploy(NotificationKind.DeployStarted, "staging")));
        var promoted = Assert.Single(await set.SendAsync(Samples.Deploy(NotificationKind.DeployPromoted)));

        Assert.Equal(NotifierOutcome.Skipped, staging.Outcome);
        Assert.Contains("Environments", staging.Detail);
        Assert.Equal(NotifierOutcome.Skipped, promoted.Outcome);
        Assert.Empty(statuspage.Requests);
    }
}
