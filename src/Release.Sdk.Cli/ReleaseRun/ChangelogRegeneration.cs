using System.Text.Json;
using Release.Sdk.Cli.Commands;
using Release.Sdk.Cli.Diagnostics;
using Release.Sdk.Engine.Changelog;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Notes;
using Release.Sdk.Engine.ReleaseRun;
using Release.Sdk.Engine.Versioning;
using Release.Sdk.Git;
using Release.Sdk.Git.Writing;

namespace Release.Sdk.Cli.ReleaseRun;

/// <summary>
/// A whole CHANGELOG.md from the tag history: every release tag (per the tag format) cut into sections by
/// <see cref="ReleaseSectionBuilder"/>, each rendered by the notes generator dated with its tagged commit.
/// </summary>
internal static class ChangelogRegeneration
{
    /// <returns>The changelog text and the configured changelog file (repository-relative).</returns>
    /// <param name="timings">Phase times for <c>RELEASE_SDK_TIMINGS=1</c>; null when not asked for.</param>
    public static (string Content, string DefaultPath, string Root, int Releases) Render(ComputationRequest request, PhaseTimings? timings = null)
    {
        // Not the early listing of HEAD a build starts: regeneration reads every release's history with its messages in
        // one batched pass (GitRepositoryHistory.TagsReachableFromEach), which a listing without messages would only duplicate.
        using var history = GitRepositoryHistory.Open(request.StartDirectory, useGitCli: true, listHeadEarly: false)
            ?? throw new ReleaseException(DiagnosticCatalog.NoRepository, $"No git repository was found at or above {request.StartDirectory}; run the command inside a clone.");
        timings?.Mark("open repository");
        var root = history.State.WorkingDirectory;
        var config = ReleaseConfigLoader.Load(root, request.ExplicitConfigFile, request.Overrides);
        var settings = ReleaseRunSettings.Resolve(config, ReleaseRunOverrides.None);
        var source = config.SourceFile ?? ".releaserc.json";
        var options = NotesOptionsReader.Read(config.Document, config.Analyzer.Preset, source);
        var repository = RepositoryUrl.Parse(RepositoryAddress(config, root));
        timings?.Mark("configuration");

        var tags = new ReleaseTagIndex(history, TagFormat.Parse(config.TagFormat)).All;
        timings?.Mark("release tags");
        var sections = ReleaseSectionBuilder.Build(history, tags);
        timings?.Mark("sections (walks + messages)");
        options = ReleaseOrchestrator.WithoutDanglingCompareLink(options, repository);

        // Rendering the notes is most of the cost (20,000 commits / 200 tags); sections are independent, so render them in parallel.
        var notes = new string[sections.Count];
        Parallel.For(0, sections.Count, i => notes[i] = ReleaseNotesGenerator.Generate(new NotesContext
        {
            Commits = sections[i].Commits,
            Version = sections[i].Version,
            PreviousTag = sections[i].PreviousTag,
            CurrentTag = sections[i].Tag,
            Date = DateOnly.FromDateTime((sections[i].Date ?? DateTimeOffset.UnixEpoch).UtcDateTime),
            Repository = repository,
            Options = options,
        }));
        timings?.Mark("notes");
        var rendered = new Dictionary<ReleaseSection, string>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < sections.Count; i++) rendered[sections[i]] = notes[i];
        var content = ChangelogRegenerator.Render(sections, section => rendered[section], new ChangelogOptions(settings.ChangelogTitle));
        timings?.Mark("changelog text");
        return (content, settings.ChangelogFile, root, sections.Count);
    }

    private static string? RepositoryAddress(ReleaseConfig config, string root)
    {
        if (config.Document?["repositoryUrl"] is { } node && node.GetValueKind() == JsonValueKind.String) return node.GetValue<string>();
        using var repository = GitReleaseRepository.Open(root);
        return repository?.RemoteUrl("origin");
    }
}
