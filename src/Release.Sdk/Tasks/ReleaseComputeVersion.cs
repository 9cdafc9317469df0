using System.Collections;
using Microsoft.Build.Framework;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Git;

namespace Release.Sdk.Tasks;

/// <summary>Computes the version of this build from git history (cached per build and in obj/) and reports it.</summary>
public sealed class ReleaseComputeVersion : ReleaseTask
{
    [Required] public string ProjectDirectory { get; set; } = "";
    public string? CacheFile { get; set; }
    public string? TagPrefix { get; set; }
    public string? TagFormat { get; set; }
    public string? Preset { get; set; }
    public string? BuildLabel { get; set; }
    public string? ConfigFile { get; set; }
    public string? NoteKeywords { get; set; }
    public ITaskItem[] Branches { get; set; } = [];
    public ITaskItem[] Rules { get; set; } = [];
    public bool DeepenShallowClone { get; set; }
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
        var environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);
        var ci = CiContext.Detect(environment);
        var configFile = string.IsNullOrEmpty(ConfigFile) ? null : Path.GetFullPath(ConfigFile, ProjectDirectory);
        var key = VersionCacheKey.For(ProjectDirectory, InputsText(), configFile, ci.ToString());
        var cache = new VersionCache(BuildEngine4, key is null ? null : CacheFile);
        var computed = key is null ? null : cache.TryGet(key);
        if (computed is null)
        {
            var overrides = new ReleaseConfigOverrides
            {
                TagPrefix = Empty(TagPrefix), TagFormat = Empty(TagFormat), Preset = Empty(Preset), BuildLabel = Empty(BuildLabel),
                NoteKeywords = Empty(NoteKeywords)?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Branches = ConfigurationItems.Branches(Branches), ReleaseRules = ConfigurationItems.Rules(Rules),
            };
            computed = ComputedVersion.From(VersionComputation.Compute(ProjectDirectory, overrides, configFile, environment, DeepenShallowClone));
            if (key is not null) cache.Store(key, computed);
        }
        else
        {
            Log.LogMessage(MessageImportance.Normal, "Reusing the Release.Sdk version computed earlier in this build or stored in {0}", CacheFile);
        }

        foreach (var d in computed.Diagnostics)
            Report(DiagnosticCatalog.All.Single(c => c.Code == d.Code), d.Message, quiet: Quiet);
        Apply(computed);
        var summary = Create && computed.NextVersion is not null ? $"{computed.Summary} → stamping the release version {Version} (ReleaseCreate=true)" : computed.Summary;
        Log.LogMessage(Quiet ? MessageImportance.Low : MessageImportance.High, "{0}", summary);
        if (ci.Provider == "github" && ci.GitHubOutputPath is { Length: > 0 } output && !DesignTime
            && GitHubOutputWriter.AppendOnce(BuildEngine4, output, computed.GitHubOutputLines) is { } failure)
        {
            Report(DiagnosticCatalog.GitHubOutputWriteFailed, $"Could not append the version outputs to $GITHUB_OUTPUT ({output}): {failure.Message}. The build version is unaffected; check the runner's file permissions.");
        }
    }

    protected override void ApplyDesignTimeFallback() => Apply(new ComputedVersion("0.0.0-error", null, null, null, null, null, null, "", [], []));

    private void Apply(ComputedVersion computed)
    {
        Version = computed.Stamped(Create);
        NextVersion = computed.NextVersion;
        Bump = computed.Bump;
        PreviousTag = computed.PreviousTag;
        Channel = computed.Channel;
        Branch = computed.Branch;
        SourceRevisionId = computed.HeadSha;
        (AssemblyVersion, FileVersion) = AssemblyVersions.Of(Version);
    }

    private string InputsText() => string.Join("\n",
        [TagPrefix, TagFormat, Preset, BuildLabel, ConfigFile, NoteKeywords, DeepenShallowClone.ToString(),
         .. Branches.Concat(Rules).Select(i => i.ItemSpec + string.Concat(i.CloneCustomMetadata().Keys.Cast<string>().Order(StringComparer.Ordinal).Select(k => $";{k}={i.GetMetadata(k)}")))]);

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
