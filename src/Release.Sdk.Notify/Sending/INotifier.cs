using Release.Sdk.Notify.Configuration;
using Release.Sdk.Notify.Events;

namespace Release.Sdk.Notify.Sending;

/// <summary>
/// One destination (a Slack channel, a Teams webhook, an SMTP server…). Sending is one attempt: the caller
/// (<see cref="NotifierSet"/>) filters, times out, retries and never lets a failure escape.
/// </summary>
internal interface INotifier
{
    string Name { get; }

    NotifierKind Kind { get; }

    /// <summary>Null when the notifier has something to do for the event; otherwise why not (PagerDuty has no action for deploy-started).</summary>
    string? WhyNot(NotificationEvent notification) => null;

    /// <summary>One delivery attempt. Throws <see cref="NotifierException"/> when the destination refused or could not be reached.</summary>
    Task SendAsync(NotificationEvent notification, CancellationToken cancellationToken);
}
