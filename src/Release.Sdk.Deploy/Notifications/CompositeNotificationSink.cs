using Release.Sdk.Deploy.Journal;

namespace Release.Sdk.Deploy.Notifications;

/// <summary>Fans an event out to every sink; one sink's failure is reported through <paramref name="log"/> and the others still run.</summary>
internal sealed class CompositeNotificationSink(IReadOnlyList<INotificationSink> sinks, Action<string> log) : INotificationSink
{
    public async Task NotifyAsync(DeployEvent deployEvent, CancellationToken cancellationToken)
    {
        foreach (var sink in sinks)
        {
            try
            {
                await sink.NotifyAsync(deployEvent, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // a notifier outage must not fail or stall a deploy
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                log($"notification '{deployEvent.Kind}' via {sink.GetType().Name} failed: {e.Message}");
            }
        }
    }
}
