using Release.Sdk.Notify.Configuration;
using Release.Sdk.Notify.Events;
using Release.Sdk.Notify.Sending;
using Release.Sdk.Notify.Tests.Servers;
using Release.Sdk.TestKit;

namespace Release.Sdk.Notify.Tests.Sending;

/// <summary>A notifier that fails never fails the caller: every failure comes back as a result, with the reason and no secret.</summary>
public sealed class NotifierSetTests
{
    [Fact]
    public async Task A_hung_server_is_cut_by_the_attempt_timeout_retried_and_reported()
    {
        await using var slow = new CaptureServer((_, _) => new CannedResponse { Delay = TimeSpan.FromSeconds(30) });
        var policy = Samples.Fast with { AttemptTimeout = TimeSpan.FromMilliseconds(300), Retries = 1 };

        var result = await Samples.SendOne(Samples.Options($$"""{"name":"ops","kind":"webhook","url":"{{slow.Url}}/r"}"""), Samples.Succeeded(), policy: policy);

        Assert.Equal(NotifierOutcome.Failed, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.Contains("no answer within 0.3 s per attempt", result.Detail);
    }

    [Fact]
    public async Task A_refused_connection_is_reported_after_bounded_retries()
    {
        var nobody = LoopbackPorts.Free();
        var result = await Samples.SendOne(Samples.Options($$"""{"name":"ops","kind":"webhook","url":"http://127.0.0.1:{{nobody}}/r","retries":1}"""), Samples.Succeeded());

        Assert.Equal(NotifierOutcome.Failed, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.Contains("could not be reached", result.Detail);
        Assert.Equal("RSDK6501", result.Descriptor!.Code);
    }

    [Fact]
    public async Task One_failing_notifier_does_not_stop_the_others()
    {
        await using var ok = new CaptureServer();
        await using var broken = new CaptureServer((_, _) => new CannedResponse(500, "boom"));
        var set = NotifierSet.Create(
            [
                Samples.Options($$"""{"name":"a","kind":"webhook","url":"{{broken.Url}}/a"}"""),
                Samples.Options($$"""{"name":"b","kind":"teams","url":"{{ok.Url}}/b"}"""),
                Samples.Options($$"""{"name":"c","kind":"slack","url":"{{ok.Url}}/c"}"""),
            ], new Dictionary<string, string?>(), policy: Samples.Fast);

        var results = await set.SendAsync(Samples.Succeeded());

        Assert.Equal([("a", NotifierOutcome.Failed), ("b", NotifierOutcome.Sent), ("c", NotifierOutcome.Sent)], results.Select(r => (r.Name, r.Outcome)).ToList());
        Assert.Equal(2, ok.Requests.Count);
    }

    [Fact]
    public async Task Events_and_environments_filters_skip_with_the_reason()
    {
        await using var server = new CaptureServer();
        var set = NotifierSet.Create(
            [
                Samples.Options($$"""{"name":"failures-only","kind":"webhook","url":"{{server.Url}}/1","events":["release-failed","deploy-rolled-back"]}"""),
                Samples.Options($$"""{"name":"staging-only","kind":"webhook","url":"{{server.Url}}/2","environments":"staging"}"""),
            ], new Dictionary<string, string?>(), policy: Samples.Fast);

        var results = await set.SendAsync(Samples.Succeeded("production"));

        Assert.All(results, r => Assert.Equal(NotifierOutcome.Skipped, r.Outcome));
        Assert.Contains("release-succeeded is not in its Events", results[0].Detail);
        Assert.Contains("environment 'production' is not in its Environments (staging)", results[1].Detail);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_missing_secret_fails_that_notifier_with_RSDK6503_naming_the_variable()
    {
        var result = await Samples.SendOne(Samples.Options("""{"name":"pager","kind":"pagerduty","routingKeyVariable":"PD_ROUTING_KEY"}"""), Samples.Failed());

        Assert.Equal(NotifierOutcome.Failed, result.Outcome);
        Assert.Equal("RSDK6503", result.Descriptor!.Code);
        Assert.Contains("PD_ROUTING_KEY", result.Detail);
        Assert.Equal(1, result.Attempts); // not transient
    }

    [Fact]
    public async Task Notifiers_already_sent_are_skipped()
    {
        await using var server = new CaptureServer();
        var set = Samples.Set(Samples.Options($$"""{"name":"ops","kind":"webhook","url":"{{server.Url}}/r"}"""));

        var result = Assert.Single(await set.SendAsync(Samples.Succeeded(), alreadySent: name => name == "ops"));

        Assert.Equal(NotifierOutcome.Skipped, result.Outcome);
        Assert.Contains("already sent", result.Detail);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task An_unexpected_exception_in_a_notifier_is_a_failed_result_with_the_secret_redacted()
    {
        var options = Samples.Options("""{"name":"custom","kind":"webhook","url":"http://127.0.0.1:1/x","secretVariable":"S"}""");
        var redactor = new SecretRedactor();
        redactor.Add("hunter2-secret");
        var set = new NotifierSet([(new ThrowingNotifier("bad state near hunter2-secret"), options)], redactor, Samples.Fast);

        var result = Assert.Single(await set.SendAsync(Samples.Succeeded()));

        Assert.Equal(NotifierOutcome.Failed, result.Outcome);
        Assert.Equal("unexpected InvalidOperationException: bad state near *** (1 attempt)", result.Detail);
    }

    private sealed class ThrowingNotifier(string message) : INotifier
    {
        public string Name => "custom";

        public NotifierKind Kind => NotifierKind.Webhook;

        public Task SendAsync(NotificationEvent notification, CancellationToken cancellationToken) => throw new InvalidOperationException(message);
    }
}
