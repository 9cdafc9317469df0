using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Notify.Plugin;
using Release.Sdk.Notify.Tests.Plugin;

namespace Release.Sdk.Notify.Tests.EndToEnd;

/// <summary>
/// End to end: the release run's notify plugin mails a real SMTP server (smtp4dev) — the success exactly once across a
/// rerun that shares the release's journal, and a failure after it — and the messages are read back from smtp4dev's API.
/// </summary>
[Trait("Category", "E2E")]
public sealed class Smtp4devEndToEndTests
{
    [Smtp4devFact]
    public async Task Release_mail_arrives_in_smtp4dev_exactly_once_across_a_rerun()
    {
        await using var smtp4dev = await Smtp4dev.StartAsync();
        var plugins = JsonNode.Parse($$"""
            {"notify":{"projectName":"Widget","notifiers":[
              {"spec":"release-mail","kind":"email","host":"127.0.0.1","port":"{{smtp4dev.SmtpPort}}","security":"none",
               "from":"Release Bot <release@example.com>","to":"team@example.com;ops@example.com"}]} }
            """)!.AsObject();
        var run = new PluginContexts();
        var environment = new Dictionary<string, string?>();

        NotifyPlugin.Create(plugins, null, environment, policy: Samples.Fast)!.Success(run.Context());
        // The rerun of the same release (its journal read back from the tag): the mail is not sent again.
        NotifyPlugin.Create(plugins, null, environment, policy: Samples.Fast)!.Success(run.Context());
        // The next release fails: that is news again.
        NotifyPlugin.Create(plugins, null, environment, policy: Samples.Fast)!.Fail(new PluginContexts().Context("1.3.0"),
            new ReleaseException(DiagnosticCatalog.HookFailed, "publishCmd exited with code 1."));

        var messages = await smtp4dev.MessagesAsync(count: 2, TimeSpan.FromSeconds(20));
        // Wait a little longer than needed: a duplicate would show up now.
        await Task.Delay(500);
        messages = await smtp4dev.MessagesAsync(count: 3, TimeSpan.Zero);

        Assert.Empty(run.Warnings);
        var subjects = messages.Select(m => m["subject"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["[Widget] Widget Release 1.2.0 - Production", "[Widget] Widget Release failed: 1.3.0 - Production"], subjects);
        Assert.All(messages, m => Assert.Contains("release@example.com", m["from"]!.ToJsonString()));
        Assert.All(messages, m => Assert.Contains("ops@example.com", m["to"]!.ToJsonString()));
    }
}
