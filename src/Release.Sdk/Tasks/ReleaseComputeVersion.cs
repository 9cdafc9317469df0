using Microsoft.Build.Framework;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Git;

namespace Release.Sdk.Tasks;

/// <summary>Computes the version of this build from git history (cached per build and in obj/) and reports it.</summary>
public sealed class ReleaseComputeVersion : ReleaseConfiguredTask
{
    public string? CacheFile { get; set; }
    public bool Create { get; set; }

    /// <summary>Inner build of a multi-targeting project: the outer build already reported, so report at low importance.</summary>
    public bool Quiet { get; set; }

    [Output] public string? Version { get; private set; }
    [Output] public string? NextVersion { get; private set; }
    [Output] public string? Bump { get; private set; }
    [Output] public string? PreviousTag { get; private set; }
    [Output] public string? Channel { get; private set; }
    [Output] public string? Branch { get; private set; }
    [Output] public string? AssemblyVersion { get; private set; }
    [Output] public string? FileVersion { get; private set; }
    [Output] public string? SourceRevisionId { get; private set; }

    protected override void ExecuteCore()
    {
        var environment = ProcessEnvironment.Snapshot();
        var ci = CiContext.Detect(environment);
        var configFile = string.IsNullOrEmpty(ConfigFile) ? null : Path.GetFullPath(ConfigFile, ProjectDirectory);
        var key = VersionCacheKey.For(ProjectDirectory, ConfigurationItems.Describe(this), configFile, ci.ToString());
        var computed = new VersionCache(BuildEngine4, CacheFile).GetOrAdd(key, () => ComputedVersion.From(VersionComputation.Compute(
            ProjectDirectory, ConfigurationItems.Overrides(this), configFile, environment, DeepenShallowClone)), out var reused);
        if (reused) Log.LogMessage(MessageImportance.Normal, "Reusing the Release.Sdk version computed earlier in this build or stored in {0}", CacheFile);

        foreach (var d in computed.Diagnostics) Report(DiagnosticCatalog.All.Single(c => c.Code == d.Code), d.Message, Quiet);
        Apply(computed);
        var releasing = Create && computed.NextVersion is not null ? $" → stamping the release version {Version} (ReleaseCreate=true)" : "";
        Log.LogMessage(Quiet ? MessageImportance.Low : MessageImportance.High, "{0}{1}", computed.Summary, releasing);
        if (!DesignTime && !Quiet && ci is { Provider: "github", GitHubOutputPath: { Length: > 0 } output }
            && GitHubOutputWriter.AppendOnce(BuildEngine4, output, computed.GitHubOutputLines) is { } failure)
        {
            Report(DiagnosticCatalog.GitHubOutputWriteFailed, $"Could not append the version outputs to $GITHUB_OUTPUT ({output}): {failure.Message}. The build version is unaffected; check that the runner's output file is writable.");
        }
    }

    protected override void ApplyDesignTimeFallback() => Apply(new ComputedVersion("0.0.0-error", null, null, null, null, null, null, "", [], []));

    private void Apply(ComputedVersion computed)
    {
        Version = computed.Stamped(Create);
        (NextVersion, Bump, PreviousTag, Channel, Branch, SourceRevisionId) =
            (computed.NextVersion, computed.Bump, computed.PreviousTag, computed.Channel, computed.Branch, computed.HeadSha);
        (AssemblyVersion, FileVersion) = AssemblyVersions.Of(Version);
    }
}
