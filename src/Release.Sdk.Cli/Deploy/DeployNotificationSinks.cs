using Release.Sdk.Deploy.Journal;
using Release.Sdk.Deploy.Notifications;

namespace Release.Sdk.Cli.Deploy;

/// <summary>
/// Where deploy events go: the progress log always; the notifiers of Release.Sdk.Notify (Slack, Teams, webhook, email,
/// PagerDuty, Statuspage) are added here, one line per notifier, by whoever wires them.
/// </summary>
internal static class DeployNotificationSinks
{
    public static INotificationSink Create(TextWriter log) => new CompositeNotificationSink(
    [
        new LogSink(log),
    ], line => log.WriteLine(line));

    private sealed class LogSink(TextWriter log) : INotificationSink
    {
        public Task NotifyAsync(DeployEvent deployEvent, CancellationToken cancellationToken)
        {
            var metric = deployEvent.Metric is null ? "" : $" [{deployEvent.Metric} = {deployEvent.Value:G4}, threshold {deployEvent.Threshold:G4}, step '{deployEvent.Step}']";
            log.WriteLine($"event: {deployEvent.Kind.ToString().ToLowerInvariant()} — {deployEvent.Message}{metric}");
            return Task.CompletedTask;
        }
    }
}
