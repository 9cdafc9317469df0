using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Notify.Configuration;

/// <summary>
/// The notifications of a project: from the <c>notifications</c> section of .releaserc.json and from MSBuild
/// (<c>ReleaseNotifier</c> items, <c>ReleaseNotifyEnvironment</c>, <c>ReleaseNotifyProjectName</c>, carried in the
/// settings file's <c>plugins.notify</c>). An MSBuild notifier replaces a .releaserc.json one of the same name, and
/// MSBuild properties win over the file's values, as everywhere else in Release.Sdk.
/// </summary>
/// <param name="Environment">The environment release events are reported for (null: see <see cref="ReleaseEnvironment"/>).</param>
internal sealed record NotifyConfiguration(string? Environment, string? ProjectName, IReadOnlyList<NotifierOptions> Notifiers)
{
    public const string ConfigSection = "notifications";
    private static readonly HashSet<string> SectionKeys = new(["environment", "projectName", "notifiers"], StringComparer.OrdinalIgnoreCase);

    public static NotifyConfiguration Empty { get; } = new(null, null, []);

    /// <param name="settings">The settings file's <c>plugins.notify</c> object, or null.</param>
    /// <param name="config">The .releaserc.json document, or null.</param>
    public static NotifyConfiguration Read(JsonObject? settings, JsonObject? config)
    {
        var fromFile = config?[ConfigSection] switch
        {
            null => Empty,
            JsonObject section => ReadSection(section, ".releaserc.json \"notifications\"", fromMsBuild: false),
            _ => throw NotifyErrors.Invalid(".releaserc.json \"notifications\"", "must be an object with \"notifiers\": [ … ] (see docs/notifications.md)."),
        };
        var fromMsBuild = settings is null ? Empty : ReadSection(settings, "ReleaseNotifier items", fromMsBuild: true);

        var merged = fromFile.Notifiers.Where(n => fromMsBuild.Notifiers.All(m => !Same(m.Name, n.Name))).Concat(fromMsBuild.Notifiers).ToList();
        return new NotifyConfiguration(fromMsBuild.Environment ?? fromFile.Environment, fromMsBuild.ProjectName ?? fromFile.ProjectName, merged);
    }

    /// <summary>
    /// The environment a release is announced for: the configured one, else "staging" for a prerelease channel
    /// (beta, next…) and "production" for the default channel, since a release there is what users get.
    /// </summary>
    public string ReleaseEnvironment(bool prerelease) => Environment ?? (prerelease ? "staging" : "production");

    private static NotifyConfiguration ReadSection(JsonObject section, string origin, bool fromMsBuild)
    {
        if (!fromMsBuild)
        {
            foreach (var key in section.Select(p => p.Key).Where(k => !SectionKeys.Contains(k)))
                throw NotifyErrors.Invalid(origin, $"has an unknown key \"{key}\"; the keys are environment, projectName and notifiers.");
        }
        var environment = OptionalText(section, "environment", origin)?.ToLowerInvariant();
        var projectName = OptionalText(section, "projectName", origin);
        var notifiers = new List<NotifierOptions>();
        switch (section["notifiers"])
        {
            case null:
                break;
            case JsonArray array:
                foreach (var entry in array)
                {
                    if (entry is not JsonObject obj) throw NotifyErrors.Invalid(origin, "\"notifiers\" must hold objects, one per notifier.");
                    var parsed = NotifierEntryParser.Parse(obj, origin, fromMsBuild);
                    if (notifiers.Any(n => Same(n.Name, parsed.Name)))
                        throw NotifyErrors.Invalid(origin, $"names the notifier '{parsed.Name}' twice; give each notifier its own name (it keys the journal and the reports).");
                    notifiers.Add(parsed);
                }
                break;
            default:
                throw NotifyErrors.Invalid(origin, "\"notifiers\" must be an array.");
        }
        return new NotifyConfiguration(environment, projectName, notifiers);
    }

    private static string? OptionalText(JsonObject section, string key, string origin)
    {
        var node = section.FirstOrDefault(p => Same(p.Key, key)).Value;
        if (node is null) return null;
        if (node is JsonValue value && value.TryGetValue<string>(out var text)) return text.Trim() is { Length: > 0 } t ? t : null;
        throw NotifyErrors.Invalid(origin, $"\"{key}\" must be a string.");
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
