using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>One release run's inputs.</summary>
internal sealed record ReleaseRunRequest
{
    /// <summary>The version computation for HEAD at the start of the run.</summary>
    public required VersionDecision Decision { get; init; }

    public required ReleaseConfig Config { get; init; }

    public required ReleaseRunSettings Settings { get; init; }

    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>A pull-request build (CiContext.IsPullRequest): never releases.</summary>
    public bool IsPullRequest { get; init; }

    /// <summary>Compute and report everything, write nothing (but <see cref="PlanFile"/>), run no hook, contact no remote.</summary>
    public bool DryRun { get; init; }

    /// <summary>Commit and tag locally, push nothing (no token needed).</summary>
    public bool NoPush { get; init; }

    public string Remote { get; init; } = "origin";

    /// <summary>The environment variable holding the push token (ReleaseTokenVariable); null: GITHUB_TOKEN, then GH_TOKEN.</summary>
    public string? TokenVariable { get; init; }

    /// <summary>The repository URL for notes links (RepositoryUrl property); null: the repositoryUrl key, then the remote's URL.</summary>
    public string? RepositoryUrl { get; init; }

    /// <summary>Where a dry run writes the plan as JSON (under obj/); null: nowhere.</summary>
    public string? PlanFile { get; init; }

    /// <summary>The settings file's "plugins" object: one section per plugin name (MSBuild properties and items); null: none.</summary>
    public System.Text.Json.Nodes.JsonObject? PluginSettings { get; init; }

    /// <summary>Receives each progress line as it happens (the result's Log has them all, too).</summary>
    public Action<string>? Progress { get; init; }

    public GitIdentityNames Identity { get; init; } = GitIdentityNames.From(new Dictionary<string, string?>());
}
