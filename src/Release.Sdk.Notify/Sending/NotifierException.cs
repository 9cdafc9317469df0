using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Notify.Sending;

/// <summary>
/// A delivery attempt failed. <see cref="Transient"/> failures (5xx, 429, network errors, timeouts) are retried within
/// the notifier's bounds; the others (a refused token, an unknown channel) are reported at once.
/// </summary>
internal sealed class NotifierException : Exception
{
    public NotifierException(string message, bool transient, TimeSpan? retryAfter = null, Exception? inner = null)
        : this(DiagnosticCatalog.NotifierFailed, message, transient, retryAfter, inner)
    {
    }

    public NotifierException(DiagnosticDescriptor descriptor, string message, bool transient, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(message, inner)
    {
        Descriptor = descriptor;
        Transient = transient;
        RetryAfter = retryAfter;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public bool Transient { get; }

    /// <summary>The server's Retry-After, when it gave one (429).</summary>
    public TimeSpan? RetryAfter { get; }

    public static NotifierException SecretMissing(string notifier, string variable, string what) =>
        new(DiagnosticCatalog.NotifierSecretMissing,
            $"the environment variable {variable} (named by the '{notifier}' notifier for its {what}) is not set; set it as a CI secret, or remove the notifier",
            transient: false);
}
