using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.ReleaseRun;
using Release.Sdk.Notify.Configuration;
using Release.Sdk.Notify.Events;
using Release.Sdk.Notify.Sending;

namespace Release.Sdk.Notify.Plugin;

/// <summary>
/// The release run's "notify" plugin: success → release-succeeded, fail → release-failed, to every configured notifier.
/// Each notifier tells about a release once: the journal (git notes on the release tag) records
/// "notify:&lt;name&gt;:succeeded" when it was sent, so a rerun that completes the release skips it. A notifier that
/// fails becomes a warning (RSDK6501/RSDK6503) in the run's diagnostics, never an error.
/// </summary>
internal sealed class NotifyPlugin : IReleasePlugin
{
    public const string PluginName = "notify";

    private readonly NotifyConfiguration _configuration;
    private readonly NotifierSet _notifiers;
    private readonly TimeProvider _clock;
    private readonly long _started;

    public NotifyPlugin(NotifyConfiguration configuration, NotifierSet notifiers, TimeProvider? clock = null)
    {
        _configuration = configuration;
        _notifiers = notifiers;
        _clock = clock ?? TimeProvider.System;
        // The run starts when dotnet-release creates its plugins: the duration reported is the release run's.
        _started = _clock.GetTimestamp();
    }

    /// <summary>The plugin for a release run, or null when no notifier is configured (or <c>ReleaseNotify=false</c>).</summary>
    /// <param name="plugins">The settings file's whole <c>plugins</c> object.</param>
    public static NotifyPlugin? Create(JsonObject? plugins, JsonObject? config, IReadOnlyDictionary<string, string?> environment,
        TimeProvider? clock = null, HttpClient? http = null, DeliveryPolicy? policy = null)
    {
        var settings = plugins?[PluginName] as JsonObject;
        if (settings?["enabled"]?.GetValue<string>() is { } enabled && enabled.Equals("false", StringComparison.OrdinalIgnoreCase)) return null;
        var configuration = NotifyConfiguration.Read(settings, config);
        if (configuration.Notifiers.Count == 0) return null;
        return new NotifyPlugin(configuration, NotifierSet.Create(configuration.Notifiers, environment, http, policy), clock);
    }

    public string Name => PluginName;

    public void VerifyConditions(ReleaseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Log($"{_notifiers.Count} notifier(s): {string.Join(", ", _notifiers.Names)}.");
    }

    public void Success(ReleaseContext context) => Notify(context, NotificationKind.ReleaseSucceeded, reason: null);

    public void Fail(ReleaseContext context, ReleaseException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Notify(context, NotificationKind.ReleaseFailed, new NotificationReason(error.Message) { Code = error.Code });
    }

    private void Notify(ReleaseContext context, NotificationKind kind, NotificationReason? reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        var notification = Event(context, kind, reason);
        var journalSuffix = kind == NotificationKind.ReleaseSucceeded ? "succeeded" : "failed";
        string Key(string notifier) => $"notify:{notifier}:{journalSuffix}";

        // The plugin API is synchronous; dotnet-release has no synchronization context, so waiting here cannot deadlock.
        var results = _notifiers.SendAsync(notification, name => context.Journal.IsDone(Key(name))).GetAwaiter().GetResult();
        foreach (var result in results)
        {
            context.Log(NotifierReport.Line(result, notification));
            if (result.Outcome == NotifierOutcome.Sent) context.Journal.MarkDone(Key(result.Name), result.Kind.ToString().ToLowerInvariant());
            if (NotifierReport.Warning(result, notification, "release") is { } warning) context.Warnings.Add(warning);
        }
    }

    internal NotificationEvent Event(ReleaseContext context, NotificationKind kind, NotificationReason? reason) => new()
    {
        Kind = kind,
        Version = context.Version,
        Tag = context.Tag,
        Environment = _configuration.ReleaseEnvironment(context.IsPrerelease),
        Duration = _clock.GetElapsedTime(_started),
        Reason = reason,
        ReleaseUrl = context.Outputs.TryGetValue("release-url", out var url) && url.Length > 0 ? url : null,
        Links = WebAddress(context.RepositoryUrl) is { } repository ? new Dictionary<string, string> { ["repository"] = repository } : new Dictionary<string, string>(),
        ProjectName = _configuration.ProjectName ?? ProjectName(context),
        Channel = context.Channel,
        Timestamp = _clock.GetUtcNow(),
    };

    private static string? WebAddress(string? repositoryUrl) =>
        repositoryUrl is not null && Uri.TryCreate(repositoryUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? repositoryUrl.EndsWith(".git", StringComparison.Ordinal) ? repositoryUrl[..^4] : repositoryUrl
            : null;

    /// <summary>Without a configured name: the repository's name (owner/NAME), else the working directory's.</summary>
    private static string ProjectName(ReleaseContext context)
    {
        var source = context.RepositoryUrl?.TrimEnd('/') ?? "";
        if (source.EndsWith(".git", StringComparison.Ordinal)) source = source[..^4];
        var name = source[(source.LastIndexOfAny(['/', ':', '\\']) + 1)..];
        return name.Length > 0 ? name : Path.GetFileName(context.WorkingDirectory.TrimEnd('/', '\\'));
    }
}
