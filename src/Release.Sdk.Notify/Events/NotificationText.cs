using System.Globalization;

namespace Release.Sdk.Notify.Events;

/// <summary>
/// The human text every notifier shares, so Slack, Teams, email and PagerDuty say the same thing: the seed's title
/// ("✅ Release 1.2.0 - Production") and its fields (Version, Environment, Status, Duration), plus the reason on failure.
/// </summary>
internal static class NotificationText
{
    public static string Emoji(NotificationEvent e) => e.Status switch
    {
        NotificationStatus.Success => "✅",
        NotificationStatus.Failure => "❌",
        _ => "🚀",
    };

    public static string Title(NotificationEvent e)
    {
        var project = e.ProjectName is { Length: > 0 } p ? $"{p} " : "";
        var what = e.Kind switch
        {
            NotificationKind.ReleaseSucceeded => "Release",
            NotificationKind.ReleaseFailed => "Release failed:",
            NotificationKind.DeployStarted => "Deploy started:",
            NotificationKind.DeployPromoted => "Deploy promoted:",
            NotificationKind.DeployRolledBack => "Deploy rolled back:",
            NotificationKind.DeployAlert => "Deploy alert:",
            _ => "Deployed",
        };
        return $"{Emoji(e)} {project}{what} {VersionText(e)} - {EnvironmentTitle(e.Environment)}";
    }

    public static string VersionText(NotificationEvent e) => e.Version is { Length: > 0 } v ? v : "(version not known yet)";

    /// <summary>"production" → "Production", as the seed's <c>environment.title()</c>.</summary>
    public static string EnvironmentTitle(string environment) =>
        environment.Length == 0 ? environment : char.ToUpperInvariant(environment[0]) + environment[1..];

    public static string StatusText(NotificationEvent e) => e.Status switch
    {
        NotificationStatus.Success => "Success",
        NotificationStatus.Failure => "Failed",
        _ => "In progress",
    };

    /// <summary>The seed prints "<c>{duration}s</c>"; fractions are dropped below a minute's precision need.</summary>
    public static string? DurationText(NotificationEvent e) =>
        e.Duration is { } d ? string.Create(CultureInfo.InvariantCulture, $"{Math.Round(d.TotalSeconds, 1)}s") : null;

    /// <summary>Name/value pairs in the seed's order; empty values are left out.</summary>
    public static IReadOnlyList<(string Name, string Value)> Fields(NotificationEvent e)
    {
        var fields = new List<(string, string)>
        {
            ("Version", VersionText(e)),
            ("Environment", EnvironmentTitle(e.Environment)),
            ("Status", StatusText(e)),
        };
        if (DurationText(e) is { } duration) fields.Add(("Duration", duration));
        if (e.Channel is { Length: > 0 } channel) fields.Add(("Channel", channel));
        if (e.Reason is { } r)
        {
            if (r.Step is { Length: > 0 } step) fields.Add(("Failed step", step));
            if (r.Metric is { Length: > 0 } metric) fields.Add(("Metric", metric));
            if (r.Value is { Length: > 0 } value) fields.Add(("Value", value));
            if (r.Threshold is { Length: > 0 } threshold) fields.Add(("Threshold", threshold));
            if (r.Code is { Length: > 0 } code) fields.Add(("Code", code));
        }
        return fields;
    }

    /// <summary>One line for the failure reason ("RSDK5001: coverage 71% is below 80%"), or null on success.</summary>
    public static string? ReasonText(NotificationEvent e) => e.Reason is { } r
        ? (r.Code is { Length: > 0 } code && !r.Message.StartsWith(code, StringComparison.Ordinal) ? $"{code}: {r.Message}" : r.Message)
        : null;

    /// <summary>A plain-text rendering (email body, fallback text).</summary>
    public static string PlainText(NotificationEvent e)
    {
        var lines = new List<string> { Title(e), "" };
        lines.AddRange(Fields(e).Select(f => $"{f.Name}: {f.Value}"));
        if (ReasonText(e) is { } reason) lines.AddRange(["", $"Reason: {reason}"]);
        var links = e.AllLinks().ToList();
        if (links.Count > 0)
        {
            lines.Add("");
            lines.AddRange(links.Select(l => $"{l.Key}: {l.Value}"));
        }
        return string.Join("\n", lines) + "\n";
    }
}
