using System.Text.Json.Nodes;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>
/// What a plugin sees of the release in progress. Before the version is known (verify conditions) <see cref="Version"/>
/// and <see cref="Tag"/> are null; on a failure before analysis too.
/// </summary>
internal sealed record ReleaseContext
{
    public string? Version { get; init; }
    public string? Tag { get; init; }
    public string? PreviousVersion { get; init; }
    public string? PreviousTag { get; init; }
    public string? Branch { get; init; }

    /// <summary>The distribution channel (prerelease id such as "beta"), or null for the default channel.</summary>
    public string? Channel { get; init; }

    public bool IsPrerelease => Version?.Contains('-', StringComparison.Ordinal) == true;

    public string Notes { get; init; } = "";

    /// <summary>"major", "minor" or "patch"; null when unknown (a resumed release).</summary>
    public string? ReleaseType { get; init; }

    /// <summary>The analyzed commits of the release, newest first (empty on a resumed release).</summary>
    public IReadOnlyList<CommitDecision> Commits { get; init; } = [];

    /// <summary>The repository's web address for links (https://github.com/owner/repo), or null.</summary>
    public string? RepositoryUrl { get; init; }

    public required string WorkingDirectory { get; init; }

    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Plan only: report what would be done, change nothing outside obj/, contact nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>This run completes a release an earlier, interrupted run had started (its publish and success steps repeat).</summary>
    public bool Resumed { get; init; }

    /// <summary>This plugin's section of the release settings (MSBuild properties and items), or null.</summary>
    public JsonObject? Settings { get; init; }

    /// <summary>The semantic-release configuration document (.releaserc.json), or null.</summary>
    public JsonObject? Config { get; init; }

    /// <summary>Records side effects already done for this release, across reruns.</summary>
    public required IReleaseJournal Journal { get; init; }

    /// <summary>Progress lines (no secrets).</summary>
    public required Action<string> Log { get; init; }

    /// <summary>Values for CI outputs and later plugins, e.g. "release-url".</summary>
    public required IDictionary<string, string> Outputs { get; init; }

    /// <summary>Non-fatal problems to report (a notifier that failed); they never fail the release.</summary>
    public required IList<Diagnostic> Warnings { get; init; }

    public string? Variable(string name) => Environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
