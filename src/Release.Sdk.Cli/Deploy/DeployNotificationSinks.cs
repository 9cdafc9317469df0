using System.Globalization;
using Release.Sdk.Deploy.Journal;
using Release.Sdk.Deploy.Notifications;
using Release.Sdk.Deploy.Plan;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Notify.Configuration;
using Release.Sdk.Notify.Events;
using Release.Sdk.Notify.Sending;

namespace Release.Sdk.Cli.Deploy;

/// <summary>
/// Where deploy events go: the progress log always, and the release run's notifiers (Slack, Teams, webhook, email,
/// PagerDuty, Statuspage — docs/notifications.md) configured by the plan's ReleaseNotifier items and the repository's
/// .releaserc.json "notifications" section. A notifier that fails is logged and never stops or fails the deploy.
/// </summary>
internal static class DeployNotificationSinks
{
    public static INotificationSink Create(TextWriter log, DeployPlan plan, IReadOnlyDictionary<string, string?> environment)
    {
        var sinks = new List<INotificationSink> { new LogSink(log) };
        var configuration = NotifyConfiguration.Read(plan.Notifications, RepositoryConfig());
        if (configuration.Notifiers.Count > 0)
            sinks.Add(new NotifierSink(NotifierSet.Create(configuration.Notifiers, environment), configuration, log));
        return new CompositeNotificationSink(sinks, line => log.WriteLine(line));
    }

    /// <summary>The .releaserc.json of the repository the deploy runs in (the CLI's working directory is the project's).</summary>
    private static System.Text.Json.Nodes.JsonObject? RepositoryConfig()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".git")) || File.Exists(Path.Combine(directory.FullName, ".git")))
                return ReleaseConfigLoader.Load(directory.FullName, null, ReleaseConfigOverrides.None).Document;
        }
        return null;
    }

    /// <summary>The notification a deploy event becomes; null for events only the log shows (a pause).</summary>
    internal static NotificationEvent? ToNotification(DeployEvent e, NotifyConfiguration configuration)
    {
        NotificationKind? kind = e.Kind switch
        {
            DeployEventKind.Started => NotificationKind.DeployStarted,
            DeployEventKind.Promoted => NotificationKind.DeployPromoted,
            DeployEventKind.RolledBack => NotificationKind.DeployRolledBack,
            DeployEventKind.Completed => NotificationKind.DeployCompleted,
            DeployEventKind.Alert => NotificationKind.DeployAlert,
            _ => null,
        };
        if (kind is null) return null;
        var failure = kind.Value.Status() == NotificationStatus.Failure;
        return new NotificationEvent
        {
            Kind = kind.Value,
            Version = e.Version,
            Environment = configuration.Environment ?? "production",
            ProjectName = configuration.ProjectName ?? e.App,
            Timestamp = e.At,
            Reason = failure
                ? new NotificationReason(e.Message)
                {
                    Step = e.Step,
                    Metric = e.Metric,
                    Value = e.Value?.ToString("G4", CultureInfo.InvariantCulture),
                    Threshold = e.Threshold?.ToString("G4", CultureInfo.InvariantCulture),
                }
                : null,
        };
    }

    private sealed class NotifierSink(NotifierSet notifiers, NotifyConfiguration configuration, TextWriter log) : INotificationSink
    {
        public async Task NotifyAsync(DeployEvent deployEvent, CancellationToken cancellationToken)
        {
            if (ToNotification(deployEvent, configuration) is not { } notification) return;
            foreach (var result in await notifiers.SendAsync(notification, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (result.Outcome == NotifierOutcome.Failed)
                    log.WriteLine($"warning {result.Descriptor?.Code ?? "RSDK6501"}: notifier '{result.Name}' could not send {notification.Kind.WireName()}: {result.Detail}");
                else
                    log.WriteLine($"notify {result.Name}: {result.Outcome.ToString().ToLowerInvariant()} {notification.Kind.WireName()}{(result.Outcome == NotifierOutcome.Skipped ? $" ({result.Detail})" : "")}");
            }
        }
    }

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
