namespace Release.Sdk.Notify.Events;

/// <summary>
/// One thing to tell people about, with the fields of the seed's release-notifications system: version, environment,
/// status, duration, and on failure the reason; plus links and the project's name. Built by the release-run plugin
/// (release-*) and by the deploy engine (deploy-*); every notifier renders it in its own wire format.
/// </summary>
internal sealed record NotificationEvent
{
    public required NotificationKind Kind { get; init; }

    /// <summary>The version released or deployed; null when a release failed before its version was known.</summary>
    public string? Version { get; init; }

    public string? Tag { get; init; }

    /// <summary>"development", "staging" or "production" in the seed; any lower-case name works (it selects per-environment channels).</summary>
    public required string Environment { get; init; }

    public NotificationStatus Status => Kind.Status();

    public TimeSpan? Duration { get; init; }

    /// <summary>Set on failures (release-failed, deploy-rolled-back).</summary>
    public NotificationReason? Reason { get; init; }

    /// <summary>The release page (GitHub release URL), or null.</summary>
    public string? ReleaseUrl { get; init; }

    /// <summary>More links by name, e.g. "compare", "deployment", "gate-report".</summary>
    public IReadOnlyDictionary<string, string> Links { get; init; } = new Dictionary<string, string>();

    public string? ProjectName { get; init; }

    /// <summary>The prerelease distribution channel ("beta"), null for the default channel.</summary>
    public string? Channel { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Every link, the release page first.</summary>
    public IEnumerable<KeyValuePair<string, string>> AllLinks()
    {
        if (ReleaseUrl is { Length: > 0 } release) yield return new("release", release);
        foreach (var link in Links) yield return link;
    }
}
