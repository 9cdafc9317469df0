using Polly;
using Polly.Retry;
using Polly.Timeout;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Notify.Configuration;
using Release.Sdk.Notify.Events;

namespace Release.Sdk.Notify.Sending;

/// <summary>
/// Every configured notifier, sent to in parallel. The one entry point for the release run and the deploy engine:
/// <see cref="SendAsync"/> never throws for a notifier's failure and never lets a secret into a result; each notifier
/// gets its own timeout and bounded retries (<see cref="DeliveryPolicy"/>), and the caller gets one
/// <see cref="NotifierResult"/> per notifier (sent / skipped / failed with the reason) to report.
/// </summary>
internal sealed class NotifierSet
{
    private readonly IReadOnlyList<Registration> _registrations;
    private readonly SecretRedactor _redactor;

    internal NotifierSet(IEnumerable<(INotifier Notifier, NotifierOptions Options)> notifiers, SecretRedactor redactor, DeliveryPolicy? policy = null)
    {
        _redactor = redactor;
        var basePolicy = policy ?? DeliveryPolicy.Default;
        _registrations = notifiers.Select(n => new Registration(n.Notifier, n.Options, Pipeline(basePolicy with
        {
            AttemptTimeout = n.Options.Timeout ?? basePolicy.AttemptTimeout,
            Retries = n.Options.Retries ?? basePolicy.Retries,
        }))).ToList();
    }

    /// <summary>The notifiers of <paramref name="options"/>, reading their secrets from <paramref name="environment"/>.</summary>
    /// <param name="http">Shared by the HTTP notifiers; null: one without a client-wide timeout (the policy times each attempt).</param>
    public static NotifierSet Create(IEnumerable<NotifierOptions> options, IReadOnlyDictionary<string, string?> environment,
        HttpClient? http = null, DeliveryPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var redactor = new SecretRedactor();
        var list = options.ToList();
        foreach (var variable in list.SelectMany(o => o.SecretVariables()))
        {
            if (environment.TryGetValue(variable, out var value)) redactor.Add(value);
        }
        var client = http ?? SharedHttp.Value;
        var secrets = new NotifierSecrets(environment);
        return new NotifierSet(list.Select(o => (NotifierFactory.Create(o, secrets, client), o)), redactor, policy);
    }

    private static readonly Lazy<HttpClient> SharedHttp = new(() => new HttpClient { Timeout = Timeout.InfiniteTimeSpan });

    public int Count => _registrations.Count;

    public IReadOnlyList<string> Names => _registrations.Select(r => r.Notifier.Name).ToList();

    /// <param name="alreadySent">Notifiers this returns true for are skipped (the release journal says they already told about this version).</param>
    public async Task<IReadOnlyList<NotifierResult>> SendAsync(NotificationEvent notification, Func<string, bool>? alreadySent = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var sends = _registrations.Select(r => SendOneAsync(r, notification, alreadySent, cancellationToken));
        return await Task.WhenAll(sends).ConfigureAwait(false);
    }

    private async Task<NotifierResult> SendOneAsync(Registration registration, NotificationEvent notification, Func<string, bool>? alreadySent, CancellationToken cancellationToken)
    {
        var (notifier, options, pipeline) = registration;
        NotifierResult Skipped(string why) => new(notifier.Name, notifier.Kind, NotifierOutcome.Skipped, why);

        if (alreadySent?.Invoke(notifier.Name) == true) return Skipped($"already sent {notification.Kind.WireName()} for this release");
        var events = options.Events ?? NotifierDefaults.Events(options.Kind);
        if (events is not null && !events.Contains(notification.Kind)) return Skipped($"{notification.Kind.WireName()} is not in its Events");
        var environments = options.Environments ?? NotifierDefaults.Environments(options.Kind);
        if (environments is not null && !environments.Contains(notification.Environment))
            return Skipped($"environment '{notification.Environment}' is not in its Environments ({string.Join(", ", environments)})");
        if (notifier.WhyNot(notification) is { } whyNot) return Skipped(whyNot);

        var attempts = 0;
        try
        {
            await pipeline.ExecuteAsync(async token =>
            {
                Interlocked.Increment(ref attempts);
                await notifier.SendAsync(notification, token).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            return new NotifierResult(notifier.Name, notifier.Kind, NotifierOutcome.Sent, AttemptsText(attempts)) { Attempts = attempts };
        }
        catch (NotifierException e)
        {
            return Failed(e.Descriptor, e.Message);
        }
        catch (TimeoutRejectedException)
        {
            return Failed(DiagnosticCatalog.NotifierFailed, $"no answer within {registration.Pipeline.AttemptTimeoutText}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Failed(DiagnosticCatalog.NotifierFailed, "cancelled");
        }
#pragma warning disable CA1031 // a notifier must never fail the release or the deploy: any other error is reported as its failure
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Failed(DiagnosticCatalog.NotifierFailed, $"unexpected {e.GetType().Name}: {e.Message}");
        }

        NotifierResult Failed(DiagnosticDescriptor descriptor, string reason) =>
            new(notifier.Name, notifier.Kind, NotifierOutcome.Failed, _redactor.Redact($"{reason} ({AttemptsText(attempts)})"))
            {
                Attempts = attempts,
                Descriptor = descriptor,
            };
    }

    private static string AttemptsText(int attempts) => attempts == 1 ? "1 attempt" : $"{attempts} attempts";

    private static TimedPipeline Pipeline(DeliveryPolicy policy)
    {
        var builder = new ResiliencePipelineBuilder();
        if (policy.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = policy.Retries,
                Delay = policy.RetryDelay,
                MaxDelay = policy.MaxRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = new PredicateBuilder().Handle<NotifierException>(e => e.Transient).Handle<TimeoutRejectedException>(),
                // A 429's Retry-After says when to come back; capped so one notifier cannot hold up the release.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is NotifierException { RetryAfter: { } after }
                    ? (TimeSpan?)(after < policy.MaxRetryDelay ? after : policy.MaxRetryDelay)
                    : null),
            });
        }
        builder.AddTimeout(policy.AttemptTimeout);
        return new TimedPipeline(builder.Build(), $"{policy.AttemptTimeout.TotalSeconds:0.###} s per attempt");
    }

    private sealed record TimedPipeline(ResiliencePipeline Inner, string AttemptTimeoutText)
    {
        public ValueTask ExecuteAsync(Func<CancellationToken, ValueTask> callback, CancellationToken cancellationToken) =>
            Inner.ExecuteAsync(callback, cancellationToken);
    }

    private sealed record Registration(INotifier Notifier, NotifierOptions Options, TimedPipeline Pipeline);
}
