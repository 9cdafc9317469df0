using Release.Sdk.Notify.Sending;
using Release.Sdk.Notify.Tests.Servers;
using Release.Sdk.TestKit;

namespace Release.Sdk.Notify.Tests.Email;

/// <summary>Email through a real SMTP server running in the test process (the SmtpServer package), on 127.0.0.1.</summary>
public sealed class EmailTests
{
    private static Release.Sdk.Notify.Configuration.NotifierOptions Options(int port, string to = "team@example.com") => Samples.Options($$"""
        {"name":"mail","kind":"email","host":"127.0.0.1","port":{{port}},"security":"none","from":"Release Bot <release@example.com>","to":"{{to}}"}
        """);

    [Fact]
    public async Task Production_release_is_mailed_with_subject_recipients_and_the_seed_fields()
    {
        await using var smtp = new InProcessSmtpServer();
        var result = await Samples.SendOne(Options(smtp.Port, "team@example.com;ops@example.com"), Samples.Succeeded());

        Assert.Equal(NotifierOutcome.Sent, result.Outcome);
        var message = Assert.Single(smtp.Messages);
        Assert.Equal("[Widget] Widget Release 1.2.0 - Production", message.Subject);
        Assert.Equal("release@example.com", message.From.Mailboxes.Single().Address);
        Assert.Equal(["team@example.com", "ops@example.com"], message.To.Mailboxes.Select(m => m.Address).ToList());
        Assert.Equal("release-succeeded", message.Headers["X-Release-Sdk-Event"]);
        var text = (message.TextBody ?? "").ReplaceLineEndings("\n");
        Assert.Contains("Version: 1.2.0\nEnvironment: Production\nStatus: Success\nDuration: 42.5s\n", text);
        Assert.Contains("release: https://github.com/acme/widget/releases/tag/v1.2.0", text);
    }

    [Fact]
    public async Task Email_goes_to_production_only_by_default_as_in_the_seed()
    {
        await using var smtp = new InProcessSmtpServer();
        var set = Samples.Set(Options(smtp.Port));

        var staging = Assert.Single(await set.SendAsync(Samples.Succeeded("staging")));
        var failure = Assert.Single(await set.SendAsync(Samples.Failed()));

        Assert.Equal(NotifierOutcome.Skipped, staging.Outcome);
        Assert.Equal(NotifierOutcome.Sent, failure.Outcome);
        Assert.Contains("Reason: RSDK7010: error rate 4.2% is above 1%", Assert.Single(smtp.Messages).TextBody);
    }

    [Fact]
    public async Task A_refused_recipient_is_reported_without_retry()
    {
        await using var smtp = new InProcessSmtpServer(rejectRecipient: address => address == "nobody@example.com");
        var result = await Samples.SendOne(Options(smtp.Port, "nobody@example.com"), Samples.Succeeded());

        Assert.Equal(NotifierOutcome.Failed, result.Outcome);
        Assert.Equal(1, result.Attempts);
        Assert.Contains("refused the message: 550", result.Detail);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task SMTP_server_down_is_reported_as_a_failure_never_thrown()
    {
        var result = await Samples.SendOne(Options(LoopbackPorts.Free()), Samples.Succeeded(), policy: Samples.Fast with { Retries = 1 });

        Assert.Equal(NotifierOutcome.Failed, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.Contains("could not be reached", result.Detail);
    }

    [Fact]
    public async Task Credentials_variables_that_are_not_set_fail_with_RSDK6503()
    {
        await using var smtp = new InProcessSmtpServer();
        var options = Options(smtp.Port) with { UsernameVariable = "SMTP_USER", PasswordVariable = "SMTP_PASSWORD" };

        var result = await Samples.SendOne(options, Samples.Succeeded());

        Assert.Equal("RSDK6503", result.Descriptor?.Code);
        Assert.Contains("SMTP_USER", result.Detail);
        Assert.Empty(smtp.Messages);
    }
}
