using Release.Sdk.Notify.Events;

namespace Release.Sdk.Notify.Configuration;

/// <summary>
/// One configured notifier, from a <c>ReleaseNotifier</c> item or a <c>notifications.notifiers</c> entry of
/// .releaserc.json. Secrets are never values here: only the NAMES of the environment variables that hold them
/// (<c>…Variable</c>). docs/notifications.md lists every key per kind.
/// </summary>
internal sealed record NotifierOptions
{
    public required string Name { get; init; }
    public required NotifierKind Kind { get; init; }

    /// <summary>The endpoint (webhook address, API base). Webhook addresses that embed a secret belong in <see cref="UrlVariable"/>.</summary>
    public string? Url { get; init; }

    /// <summary>NAME of the variable holding the endpoint (Slack/Teams webhook URLs are secrets).</summary>
    public string? UrlVariable { get; init; }

    /// <summary>NAME of the variable holding the token: Slack bot token, PagerDuty routing key, Statuspage API key.</summary>
    public string? TokenVariable { get; init; }

    /// <summary>NAME of the variable holding the generic webhook's HMAC-SHA256 signing secret.</summary>
    public string? SecretVariable { get; init; }

    /// <summary>Slack: the channel when no per-environment channel matches (the seed's '#general').</summary>
    public string? Channel { get; init; }

    /// <summary>Slack: channel per environment (the seed: development → #dev-releases, staging → #staging-releases, production → #production-releases).</summary>
    public IReadOnlyDictionary<string, string> Channels { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Only these events are sent (null: the kind's default, see <see cref="NotifierDefaults"/>).</summary>
    public IReadOnlySet<NotificationKind>? Events { get; init; }

    /// <summary>Only events for these environments are sent (null: the kind's default; email and Statuspage: production).</summary>
    public IReadOnlySet<string>? Environments { get; init; }

    public TimeSpan? Timeout { get; init; }
    public int? Retries { get; init; }

    /// <summary>Teams: "adaptive" (Adaptive Card in a message, for Workflows webhooks) or "messagecard" (Office 365 connectors).</summary>
    public string? Format { get; init; }

    /// <summary>Generic webhook: the header carrying "sha256=&lt;hex&gt;".</summary>
    public string? SignatureHeader { get; init; }

    // Email (SMTP).
    public string? Host { get; init; }
    public int? Port { get; init; }

    /// <summary>"auto", "none", "starttls" or "ssl".</summary>
    public string? Security { get; init; }
    public string? UsernameVariable { get; init; }
    public string? PasswordVariable { get; init; }
    public string? From { get; init; }
    public IReadOnlyList<string> To { get; init; } = [];

    // PagerDuty.
    public string? Severity { get; init; }
    public string? Source { get; init; }

    // Statuspage.
    public string? PageId { get; init; }
    public string? ComponentId { get; init; }

    /// <summary>Names of the environment variables this notifier reads secrets from (for redaction and the missing-secret check).</summary>
    public IEnumerable<string> SecretVariables()
    {
        foreach (var name in new[] { UrlVariable, TokenVariable, SecretVariable, UsernameVariable, PasswordVariable })
        {
            if (name is { Length: > 0 }) yield return name;
        }
    }
}
