using Release.Sdk.Deploy.Journal;

namespace Release.Sdk.Deploy.Notifications;

/// <summary>
/// Where deploy events go (started, promoted, paused, rolled back, completed, alert). The CLI connects it to the
/// notifiers of Release.Sdk.Notify; a failing sink is logged and never fails or stalls the deploy.
/// </summary>
internal interface INotificationSink
{
    Task NotifyAsync(DeployEvent deployEvent, CancellationToken cancellationToken);
}
