using System.Globalization;
using System.Net;
using Octokit;
using Polly;
using Polly.Retry;

namespace Release.Sdk.Publish.GitHub;

/// <summary>
/// Runs GitHub calls with retries (Polly) on what passes: 5xx answers, secondary rate limits (403/429 with
/// Retry-After or x-ratelimit-reset), network errors and timeouts. The wait is GitHub's Retry-After / reset time when it
/// gives one, else exponential backoff with jitter. Bounded: at most MaxAttempts tries, and a wait GitHub asks for that
/// is longer than MaxRetryDelay is not waited (the error surfaces at once, saying so).
/// </summary>
internal sealed class GitHubRetry
{
    private readonly ResiliencePipeline _pipeline;
    private readonly GitHubOptions _options;
    private readonly TimeProvider _time;

    public GitHubRetry(GitHubOptions options, Action<string> log, TimeProvider? time = null)
    {
        _options = options;
        _time = time ?? TimeProvider.System;
        if (options.MaxAttempts <= 1)
        {
            _pipeline = ResiliencePipeline.Empty;
            return;
        }
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && IsTransient(e, args.Context.CancellationToken) && !AsksTooLong(e)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is { } e ? RequestedWait(e) : null),
                OnRetry = args =>
                {
                    log($"GitHub: {Describe(args.Outcome.Exception!)}; retrying in {args.RetryDelay.TotalSeconds:0.0} s (attempt {args.AttemptNumber + 2} of {options.MaxAttempts})");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public Task<T> Run<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken = default) =>
        _pipeline.ExecuteAsync(async ct => await call(ct).ConfigureAwait(false), cancellationToken).AsTask();

    public Task Run(Func<CancellationToken, Task> call, CancellationToken cancellationToken = default) =>
        _pipeline.ExecuteAsync(async ct => await call(ct).ConfigureAwait(false), cancellationToken).AsTask();

    /// <summary>Worth another try: the server failed, asked to slow down, or the network/timeout did.</summary>
    public static bool IsTransient(Exception e, CancellationToken ours = default) => e switch
    {
        SecondaryRateLimitExceededException or AbuseException => true,
        RateLimitExceededException => true,
        ApiException { StatusCode: >= HttpStatusCode.InternalServerError } => true,
        ApiException { StatusCode: HttpStatusCode.TooManyRequests } => true,
        ApiException { StatusCode: HttpStatusCode.Forbidden } api => Header(api, "Retry-After") is not null,
        ApiException => false,
        HttpRequestException or IOException or TimeoutException => true,
        // Octokit's request timeout cancels its own token; ours cancelled means stop, not retry.
        OperationCanceledException => !ours.IsCancellationRequested,
        _ => false,
    };

    /// <summary>The wait GitHub asks for (Retry-After seconds, or until x-ratelimit-reset when none remain), or null.</summary>
    public TimeSpan? RequestedWait(Exception e)
    {
        if (e is not ApiException api) return null;
        if (Header(api, "Retry-After") is { } retryAfter)
        {
            if (double.TryParse(retryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(Math.Max(0, seconds));
            if (DateTimeOffset.TryParse(retryAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return Positive(at - _time.GetUtcNow());
        }
        if (Header(api, "x-ratelimit-remaining") == "0" && Header(api, "x-ratelimit-reset") is { } reset
            && long.TryParse(reset, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
            return Positive(DateTimeOffset.FromUnixTimeSeconds(epoch) - _time.GetUtcNow());
        return null;
    }

    /// <summary>GitHub asks for a longer wait than allowed: failing now with that message beats hammering the API early.</summary>
    public bool AsksTooLong(Exception e) => RequestedWait(e) is { } wait && wait > _options.MaxRetryDelay;

    public static string Describe(Exception e) => e switch
    {
        ApiException api when (int)api.StatusCode != 0 => $"HTTP {(int)api.StatusCode} {api.Message}".TrimEnd(),
        OperationCanceledException => "the request timed out",
        _ => e.Message,
    };

    internal static string? Header(ApiException e, string name)
    {
        if (e.HttpResponse?.Headers is not { } headers) return null;
        foreach (var (key, value) in headers)
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
        return null;
    }

    private static TimeSpan Positive(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;
}
