using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Notify.Configuration;
using Release.Sdk.Notify.Events;

namespace Release.Sdk.Notify.Tests.Configuration;

public sealed class NotifyConfigurationTests
{
    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    [Fact]
    public void Releaserc_notifications_section_reads_every_kind()
    {
        var config = NotifyConfiguration.Read(null, Json("""
            {"notifications":{"environment":"Production","projectName":"SQL Query Synthesizer","notifiers":[
              {"name":"slack","kind":"slack","tokenVariable":"SLACK_TOKEN","channel":"#general",
               "channels":{"development":"#dev-releases","staging":"#staging-releases","production":"#production-releases"}},
              {"name":"teams","kind":"teams","urlVariable":"TEAMS_WEBHOOK","format":"messagecard"},
              {"name":"hook","kind":"webhook","url":"https://hooks.example.com/release","secretVariable":"HOOK_SECRET","events":["release-failed"]},
              {"name":"mail","kind":"email","host":"smtp.example.com","port":587,"security":"starttls","from":"r@example.com","to":["a@example.com","b@example.com"],
               "usernameVariable":"SMTP_USER","passwordVariable":"SMTP_PASSWORD"},
              {"name":"pager","kind":"pagerduty","routingKeyVariable":"PD_KEY","severity":"warning","timeout":5,"retries":0},
              {"name":"status","kind":"statuspage","pageId":"p1","componentId":"c1","apiKeyVariable":"SP_KEY","environments":["production","staging"]}
            ]}}
            """));

        Assert.Equal("production", config.Environment);
        Assert.Equal("SQL Query Synthesizer", config.ProjectName);
        Assert.Equal([NotifierKind.Slack, NotifierKind.Teams, NotifierKind.Webhook, NotifierKind.Email, NotifierKind.PagerDuty, NotifierKind.Statuspage],
            config.Notifiers.Select(n => n.Kind).ToList());
        var slack = config.Notifiers[0];
        Assert.Equal("#staging-releases", slack.Channels["staging"]);
        Assert.Equal("#general", slack.Channel);
        Assert.Equal([NotificationKind.ReleaseFailed], config.Notifiers[2].Events!.ToList());
        Assert.Equal(["a@example.com", "b@example.com"], config.Notifiers[3].To);
        Assert.Equal(587, config.Notifiers[3].Port);
        Assert.Equal((TimeSpan.FromSeconds(5), 0), (config.Notifiers[4].Timeout!.Value, config.Notifiers[4].Retries!.Value));
        Assert.Equal("PD_KEY", config.Notifiers[4].TokenVariable);
        Assert.Equal("SP_KEY", config.Notifiers[5].TokenVariable);
        Assert.True(config.Notifiers[5].Environments!.SetEquals(["production", "staging"]));
    }

    [Fact]
    public void MSBuild_items_use_string_metadata_and_environment_channel_metadata_and_replace_a_releaserc_notifier_of_the_same_name()
    {
        // As ReleaseWriteRunSettings writes @(ReleaseNotifier): spec, path, camel-cased metadata.
        var settings = Json("""
            {"environment":"staging","notifiers":[
              {"spec":"slack","path":"slack","kind":"slack","tokenVariable":"SLACK_BOT","developmentChannel":"#dev-releases",
               "stagingChannel":"#staging-releases","productionChannel":"#production-releases","events":"release-succeeded;release-failed","retries":"1"}
            ]}
            """);
        var config = NotifyConfiguration.Read(settings, Json("""
            {"notifications":{"projectName":"Widget","notifiers":[{"name":"slack","kind":"slack","url":"https://hooks.slack.com/x"},{"name":"ops","kind":"webhook","url":"https://ops.example.com/"}]}}
            """));

        Assert.Equal("staging", config.Environment);
        Assert.Equal("Widget", config.ProjectName);
        Assert.Equal(["ops", "slack"], config.Notifiers.Select(n => n.Name).ToList());
        var slack = config.Notifiers[1];
        Assert.Equal("SLACK_BOT", slack.TokenVariable);
        Assert.Null(slack.Url);
        Assert.Equal("#production-releases", slack.Channels["production"]);
        Assert.Equal(3, slack.Channels.Count);
        Assert.Equal(1, slack.Retries);
        Assert.True(slack.Events!.SetEquals([NotificationKind.ReleaseSucceeded, NotificationKind.ReleaseFailed]));
    }

    [Theory]
    [InlineData("""{"name":"x","kind":"carrier-pigeon"}""", "kind \"carrier-pigeon\" is unknown")]
    [InlineData("""{"name":"x","kind":"webhook","url":"https://a.example","chanel":"#typo"}""", "unknown key \"chanel\"")]
    [InlineData("""{"name":"x","kind":"webhook"}""", "set Url, or UrlVariable")]
    [InlineData("""{"name":"x","kind":"slack","tokenVariable":"T"}""", "chat.postMessage needs a channel")]
    [InlineData("""{"name":"x","kind":"email","host":"h","from":"f@example.com"}""", "email needs Host")]
    [InlineData("""{"name":"x","kind":"pagerduty"}""", "RoutingKeyVariable")]
    [InlineData("""{"name":"x","kind":"statuspage","apiKeyVariable":"K"}""", "PageId")]
    [InlineData("""{"name":"x","kind":"webhook","url":"ftp://a.example"}""", "absolute http(s) address")]
    [InlineData("""{"name":"x","kind":"webhook","url":"https://a.example","events":"release-done"}""", "event \"release-done\" is unknown")]
    [InlineData("""{"name":"x","kind":"webhook","url":"https://a.example","timeout":"soon"}""", "\"timeout\" must be a number")]
    [InlineData("""{"name":"x","kind":"webhook","url":"https://a.example","retries":50}""", "between 0 and 10")]
    [InlineData("""{"name":"x","kind":"teams","url":"https://a.example","format":"html"}""", "use one of adaptive, messagecard")]
    public void Invalid_notifier_is_RSDK6502_saying_what_to_do(string entry, string expected)
    {
        var error = Assert.Throws<ReleaseException>(() => NotifyConfiguration.Read(null, Json($$"""{"notifications":{"notifiers":[{{entry}}]} }""")));

        Assert.Equal("RSDK6502", error.Code);
        Assert.Contains("notifier 'x'", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Duplicate_names_and_unknown_section_keys_are_RSDK6502()
    {
        var duplicate = Assert.Throws<ReleaseException>(() => NotifyConfiguration.Read(null, Json("""
            {"notifications":{"notifiers":[{"name":"a","kind":"webhook","url":"https://a.example"},{"name":"A","kind":"teams","url":"https://b.example"}]}}
            """)));
        var unknown = Assert.Throws<ReleaseException>(() => NotifyConfiguration.Read(null, Json("""{"notifications":{"notifier":[]}}""")));

        Assert.Contains("names the notifier 'A' twice", duplicate.Message);
        Assert.Contains("unknown key \"notifier\"", unknown.Message);
        Assert.Equal("RSDK6502", unknown.Code);
    }

    [Theory]
    [InlineData(null, false, "production")]
    [InlineData(null, true, "staging")]
    [InlineData("development", false, "development")]
    public void Release_environment_defaults_to_production_and_staging_for_prereleases(string? configured, bool prerelease, string expected) =>
        Assert.Equal(expected, new NotifyConfiguration(configured, null, []).ReleaseEnvironment(prerelease));
}
