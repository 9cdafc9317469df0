namespace Release.Sdk.Notify.Sending;

/// <summary>
/// How hard one notifier tries: each attempt is cut after <see cref="AttemptTimeout"/>; transient failures are retried
/// <see cref="Retries"/> times with exponential backoff from <see cref="RetryDelay"/> (a server's Retry-After is honoured
/// up to <see cref="MaxRetryDelay"/>). So one notifier takes at most about (Retries + 1) × AttemptTimeout plus the delays.
/// </summary>
internal sealed record DeliveryPolicy
{
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public int Retries { get; init; } = 2;
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    public static DeliveryPolicy Default { get; } = new();
}
