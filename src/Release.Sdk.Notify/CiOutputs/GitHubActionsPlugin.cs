using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Notify.CiOutputs;

/// <summary>
/// The release run's "github-actions" plugin: on success, step outputs <c>released=true</c>, <c>version</c>,
/// <c>tag</c>, <c>release-url</c> (from the GitHub plugin's outputs), <c>notes</c>, and a step summary with the notes,
/// the gate summary (<c>ReleaseGateSummaryFile</c>) and links. Runs that release nothing get <c>released=false</c> from
/// the release command (<see cref="GitHubActionsOutputs.WriteNotReleased"/>): plugins are not called then.
/// Not journaled: outputs belong to the job, and a rerun is a new job that needs them again.
/// </summary>
internal sealed class GitHubActionsPlugin(string? gateSummaryFile) : IReleasePlugin
{
    public const string PluginName = "githubActions";

    /// <summary>The plugin when running on GitHub Actions with an output or summary file, else null.</summary>
    public static GitHubActionsPlugin? Create(JsonObject? plugins, IReadOnlyDictionary<string, string?> environment)
    {
        var settings = plugins?[PluginName] as JsonObject;
        if (settings?["enabled"]?.GetValue<string>() is { } enabled && enabled.Equals("false", StringComparison.OrdinalIgnoreCase)) return null;
        return GitHubActionsOutputs.IsActive(environment) ? new GitHubActionsPlugin(settings?["gateSummary"]?.GetValue<string>()) : null;
    }

    public string Name => PluginName;

    public void Success(ReleaseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var releaseUrl = context.Outputs.TryGetValue("release-url", out var url) ? url : "";
        var outputs = new Dictionary<string, string>
        {
            ["released"] = "true",
            ["version"] = context.Version ?? "",
            ["tag"] = context.Tag ?? "",
            ["release-url"] = releaseUrl,
            ["notes"] = context.Notes,
        };
        var links = new List<KeyValuePair<string, string>> { new("Release", releaseUrl) };
        if (context.RepositoryUrl is { } repository && repository.StartsWith("http", StringComparison.Ordinal) && context.Tag is { } tag)
            links.Add(new("Tag", $"{repository.TrimEnd('/').Replace(".git", "", StringComparison.Ordinal)}/tree/{Uri.EscapeDataString(tag)}"));
        var summary = ReleaseSummaryMarkdown.Write(context.Version ?? "", context.Tag ?? "", context.Notes, GateSummary(context), links);
        foreach (var warning in GitHubActionsOutputs.Write(context.Environment, outputs, summary)) context.Warnings.Add(warning);
        context.Log("Wrote released=true, version, tag, release-url and notes to $GITHUB_OUTPUT and the release to the step summary.");
    }

    private string? GateSummary(ReleaseContext context)
    {
        if (gateSummaryFile is not { Length: > 0 } file) return null;
        var path = Path.GetFullPath(file, context.WorkingDirectory);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Warnings.Add(new Diagnostic(DiagnosticCatalog.GateSummaryUnreadable,
                $"The gate summary {path} (ReleaseGateSummaryFile) could not be read ({e.Message}); the step summary goes without it. Point ReleaseGateSummaryFile at the gates' Markdown report (obj/release-gates.md) or unset it."));
            return null;
        }
    }
}
