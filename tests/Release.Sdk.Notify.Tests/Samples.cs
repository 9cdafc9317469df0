using System.Text.Json.Nodes;
using Release.Sdk.Notify.Configuration;
using Release.Sdk.Notify.Events;
using Release.Sdk.Notify.Sending;

namespace Release.Sdk.Notify.Tests;

/// <summary>Events, fast delivery policies and notifier sets for the tests.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Time = new(2026, 3, 4, 12, 30, 0, TimeSpan.Zero);

    /// <summary>Short timeouts and delays so failure tests stay fast; still real timers and real retries.</summary>
    public static readonly DeliveryPolicy Fast = new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(5),
        Retries = 2,
        RetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(200),
    };

    public static NotificationEvent Succeeded(string environment = "production") => new()
    {
        Kind = NotificationKind.ReleaseSucceeded,
        Version = "1.2.0",
        Tag = "v1.2.0",
        Environment = environment,
        Duration = TimeSpan.FromSeconds(42.5),
        ReleaseUrl = "https://github.com/acme/widget/releases/tag/v1.2.0",
        ProjectName = "Widget",
        Timestamp = Time,
    };

    public static NotificationEvent Failed(NotificationKind kind = NotificationKind.ReleaseFailed, string environment = "production") => new()
    {
        Kind = kind,
        Version = "1.2.0",
        Tag = "v1.2.0",
        Environment = environment,
        Duration = TimeSpan.FromSeconds(12),
        Reason = new NotificationReason("error rate 4.2% is above 1%") { Code = "RSDK7010", Step = "canary analysis", Metric = "error_rate", Value = "4.2%", Threshold = "1%" },
        ProjectName = "Widget",
        Timestamp = Time,
    };

    public static NotificationEvent Deploy(NotificationKind kind, string environment = "production") => Succeeded(environment) with { Kind = kind };

    /// <summary>Parses one .releaserc.json-style notifier entry.</summary>
    public static NotifierOptions Options(string json) =>
        NotifierEntryParser.Parse(JsonNode.Parse(json)!.AsObject(), "test", fromMsBuild: false);

    public static NotifierSet Set(NotifierOptions options, Dictionary<string, string?>? environment = null, DeliveryPolicy? policy = null) =>
        NotifierSet.Create([options], environment ?? [], policy: policy ?? Fast);

    public static async Task<NotifierResult> SendOne(NotifierOptions options, NotificationEvent notification, Dictionary<string, string?>? environment = null, DeliveryPolicy? policy = null) =>
        Assert.Single(await Set(options, environment, policy).SendAsync(notification));
}
