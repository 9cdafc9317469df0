using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Notes;

/// <summary>Builds the notes' inputs from a version computation, the way semantic-release hands them to generateNotes.</summary>
internal static class ReleaseNotesRequest
{
    /// <summary>
    /// The notes context for the release <paramref name="decision"/> describes: its analysed commits (newest first),
    /// previous and next tag, version; the notes options from the configuration (the analyzer's preset when the notes
    /// generator names none). Null when no release is due.
    /// </summary>
    /// <param name="repository">The repository URL for links (RepositoryUrl property, repositoryUrl key, or origin).</param>
    /// <param name="date">See <see cref="NotesDate.From"/>.</param>
    public static NotesContext? For(VersionDecision decision, ReleaseConfig config, RepositoryUrl? repository, DateOnly date)
    {
        if (decision.NextVersion is null) return null;
        return new NotesContext
        {
            Commits = decision.Analysis.Decisions.Select(d => d.Commit.Source).ToArray(),
            Version = decision.NextVersion,
            PreviousTag = decision.PreviousTag,
            CurrentTag = decision.NextTag,
            Date = date,
            Repository = repository,
            Options = NotesOptionsReader.Read(config.Document, config.Analyzer.Preset, config.SourceFile ?? ".releaserc.json"),
        };
    }
}
