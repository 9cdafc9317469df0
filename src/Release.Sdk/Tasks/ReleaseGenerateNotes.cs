using System.Text;
using Microsoft.Build.Framework;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Notes;
using Release.Sdk.Git;

namespace Release.Sdk.Tasks;

/// <summary>
/// Computes the release notes of the release a run would make now (compute work, so in-process) and writes them to
/// <see cref="NotesFile"/> in obj/; the notes then fill PackageReleaseNotes. No release due: no notes, no file.
/// </summary>
public sealed class ReleaseGenerateNotes : ReleaseConfiguredTask
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    [Required] public string NotesFile { get; set; } = "";
    public string? RepositoryUrl { get; set; }

    [Output] public string? Notes { get; private set; }
    [Output] public string? NextVersion { get; private set; }
    [Output] public string? NextTag { get; private set; }

    protected override void ExecuteCore()
    {
        var environment = ProcessEnvironment.Snapshot();
        var configFile = string.IsNullOrEmpty(ConfigFile) ? null : Path.GetFullPath(ConfigFile, ProjectDirectory);
        var overrides = ConfigurationItems.Overrides(this);
        var decision = VersionComputation.Compute(ProjectDirectory, overrides, configFile, environment, DeepenShallowClone);
        if (File.Exists(NotesFile)) File.Delete(NotesFile);
        if (decision.IsFallback || decision.NextVersion is null || ReleaseRepository.Find(ProjectDirectory) is not { } repository) return;

        var config = ReleaseConfigLoader.Load(repository.Root, configFile, overrides);
        (NextVersion, NextTag) = (decision.NextVersion, decision.NextTag);
        if (!NotesOptionsReader.GeneratesNotes(config.Document, config.SourceFile ?? ".releaserc.json")) return;
        // The same date rule as the release run's, so the package and CHANGELOG.md carry the same notes.
        var date = NotesDate.From(DateTimeOffset.UtcNow, environment.GetValueOrDefault("SOURCE_DATE_EPOCH"));
        var address = string.IsNullOrWhiteSpace(RepositoryUrl) ? ConfiguredUrl(config) ?? repository.OriginUrl : RepositoryUrl;
        var context = ReleaseNotesRequest.For(decision, config, Engine.Notes.RepositoryUrl.Parse(address), date);
        if (context is null) return;
        Notes = ReleaseNotesGenerator.Generate(context);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(NotesFile))!);
        File.WriteAllText(NotesFile, Notes, Utf8);
        Log.LogMessage(MessageImportance.Normal, "Release notes of {0} written to {1}", NextVersion, NotesFile);
    }

    protected override void ApplyDesignTimeFallback() => (Notes, NextVersion, NextTag) = (null, null, null);

    private static string? ConfiguredUrl(ReleaseConfig config) =>
        config.Document?["repositoryUrl"] is { } node && node.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : null;
}
