using System.Text.Json;
using System.Text.Json.Nodes;

namespace Release.Sdk.Publish.GitHub;

/// <summary>Where the release goes on top of the content, as @semantic-release/github's <c>addReleases</c>.</summary>
internal enum AddReleasesPosition { None, Top, Bottom }

/// <summary>One asset request: a path or glob relative to the repository root, with the name and label to show.</summary>
internal sealed record AssetSpec(string Pattern, string? Name, string? Label, string Origin);

/// <summary>
/// The GitHub plugin's options, resolved once from MSBuild settings and .releaserc.json (see <see cref="GitHubSettingsReader"/>)
/// with semantic-release's defaults. Bad values are coded errors (RSDK6005) raised in verify conditions, before anything is written.
/// </summary>
internal sealed record GitHubOptions
{
    public const string DefaultFailTitle = "The automated release is failing 🚨";

    public string? ApiUrl { get; init; }
    public string? TokenVariable { get; init; }
    public bool Draft { get; init; }
    public string? ReleaseNameTemplate { get; init; }
    public string? ReleaseBodyTemplate { get; init; }
    public AddReleasesPosition AddReleases { get; init; }
    public bool SuccessCommentDisabled { get; init; }
    public string? SuccessCommentTemplate { get; init; }
    public bool FailCommentDisabled { get; init; }
    public string? FailCommentTemplate { get; init; }
    public string FailTitle { get; init; } = DefaultFailTitle;

    /// <summary>Labels of the failure issue; semantic-release's <c>labels</c> (default ["semantic-release"]).</summary>
    public IReadOnlyList<string> FailLabels { get; init; } = ["semantic-release"];

    /// <summary>Label templates added to released issues/PRs; null = semantic-release's default ("released", "released on @channel").</summary>
    public IReadOnlyList<string>? ReleasedLabels { get; init; }

    public IReadOnlyList<string> Assignees { get; init; } = [];
    public IReadOnlyList<AssetSpec> Assets { get; init; } = [];

    /// <summary>Adds docs/api/openapi.json when it exists (ReleaseGitHubDefaultAssets=false turns it off).</summary>
    public bool DefaultAssets { get; init; } = true;

    /// <summary>Comment on the merged pull requests that contain the released commits (GET commits/{sha}/pulls), not only on referenced ones.</summary>
    public bool CommentOnAssociatedPullRequests { get; init; } = true;

    public int MaxAttempts { get; init; } = 4;
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);
    public TimeSpan UploadTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>True when the user configured GitHub explicitly (settings or .releaserc), so a non-GitHub remote is an error, not a skip.</summary>
    public bool Explicit { get; init; }

    public static GitHubOptions Read(GitHubSettingsReader r)
    {
        var (successOff, success) = r.Template("successComment", "successComment");
        var (failOff, fail) = r.Template("failComment", "failComment");
        return new GitHubOptions
        {
            ApiUrl = r.String("apiUrl", "githubApiUrl") ?? CombineUrl(r.String("githubUrl", "githubUrl"), r.String("apiPathPrefix", "githubApiPathPrefix")),
            TokenVariable = r.String("tokenVariable"),
            Draft = r.Bool("draft", "draftRelease") ?? false,
            ReleaseNameTemplate = r.String("releaseName", "releaseNameTemplate"),
            ReleaseBodyTemplate = r.String("releaseBody", "releaseBodyTemplate"),
            AddReleases = ReadAddReleases(r),
            SuccessCommentDisabled = successOff,
            SuccessCommentTemplate = success,
            FailCommentDisabled = failOff,
            FailCommentTemplate = fail,
            FailTitle = r.String("failTitle", "failTitle") ?? DefaultFailTitle,
            FailLabels = r.List("failLabels", "labels") ?? ["semantic-release"],
            ReleasedLabels = r.List("releasedLabels", "releasedLabels"),
            Assignees = r.List("assignees", "assignees") ?? [],
            Assets = ReadAssets(r),
            DefaultAssets = r.Bool("defaultAssets") ?? true,
            CommentOnAssociatedPullRequests = r.Bool("commentOnPullRequests") ?? true,
            MaxAttempts = (int)r.Number("maxAttempts", 4, 1, 20),
            RetryBaseDelay = TimeSpan.FromMilliseconds(r.Number("retryDelayMs", 1000, 0, 60_000)),
            MaxRetryDelay = TimeSpan.FromSeconds(r.Number("maxRetryDelay", 60, 0, 3600)),
            RequestTimeout = TimeSpan.FromSeconds(r.Number("timeout", 100, 0.1, 3600)),
            UploadTimeout = TimeSpan.FromSeconds(r.Number("uploadTimeout", 600, 0.1, 86_400)),
            Explicit = r.ListedInConfig || r.String("apiUrl") is not null || r.Bool("enabled") == true,
        };
    }

    private static string? CombineUrl(string? githubUrl, string? prefix) =>
        githubUrl is null ? null : githubUrl.TrimEnd('/') + (string.IsNullOrEmpty(prefix) ? "/api/v3" : "/" + prefix.Trim('/'));

    private static AddReleasesPosition ReadAddReleases(GitHubSettingsReader r)
    {
        var setting = r.Settings?["addReleases"]?.GetValue<string>();
        var node = setting is null ? r.PluginConfig?["addReleases"] : JsonValue.Create(setting);
        if (node is null || node.GetValueKind() == JsonValueKind.False) return AddReleasesPosition.None;
        var text = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
        return text.ToLowerInvariant() switch
        {
            "top" => AddReleasesPosition.Top,
            "bottom" => AddReleasesPosition.Bottom,
            "false" or "" => AddReleasesPosition.None,
            _ => throw GitHubSettingsReader.Invalid("addReleases", text, "\"top\", \"bottom\" or false"),
        };
    }

    /// <summary>
    /// Assets from ReleaseAsset items (<c>spec</c>/<c>path</c>/<c>label</c>/<c>name</c>) and from .releaserc's <c>assets</c>:
    /// strings (globs) or objects with <c>path</c> (a glob or a list of globs), <c>name</c> and <c>label</c>.
    /// </summary>
    private static List<AssetSpec> ReadAssets(GitHubSettingsReader r)
    {
        var specs = new List<AssetSpec>();
        if (r.Settings?["assets"] is JsonArray items)
        {
            foreach (var item in items.OfType<JsonObject>())
            {
                var path = Text(item["path"]) ?? Text(item["spec"]);
                if (path is null) continue;
                specs.Add(new AssetSpec(path, Text(item["name"]), Text(item["label"]), $"ReleaseAsset '{Text(item["spec"]) ?? path}'"));
            }
        }
        switch (r.PluginConfig?["assets"])
        {
            case null:
                break;
            case JsonArray list:
                foreach (var entry in list) specs.AddRange(ConfigAsset(entry));
                break;
            case var single:
                specs.AddRange(ConfigAsset(single));
                break;
        }
        return specs;
    }

    private static IEnumerable<AssetSpec> ConfigAsset(JsonNode? entry)
    {
        const string origin = ".releaserc.json assets";
        switch (entry)
        {
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                return [new AssetSpec(v.GetValue<string>(), null, null, origin)];
            case JsonObject o when o["path"] is JsonValue p && p.GetValueKind() == JsonValueKind.String:
                return [new AssetSpec(p.GetValue<string>(), Text(o["name"]), Text(o["label"]), origin)];
            case JsonObject o when o["path"] is JsonArray paths && paths.All(x => x?.GetValueKind() == JsonValueKind.String):
                return paths.Select(x => new AssetSpec(x!.GetValue<string>(), Text(o["name"]), Text(o["label"]), origin)).ToList();
            default:
                throw GitHubSettingsReader.Invalid("assets", entry?.ToJsonString() ?? "null",
                    "a glob string or an object {\"path\": \"glob\" or [\"globs\"], \"name\": …, \"label\": …}");
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > 0 ? v.GetValue<string>() : null;
}
