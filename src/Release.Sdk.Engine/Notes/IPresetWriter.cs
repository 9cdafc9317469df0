using Release.Sdk.Engine.Commits;

namespace Release.Sdk.Engine.Notes;

/// <summary>A preset's conventional-changelog-writer options: its commit transform and its templates.</summary>
internal interface IPresetWriter
{
    /// <summary>The preset's <c>transform</c>; null leaves the commit out of the notes.</summary>
    NotesCommit? Transform(ConventionalCommit commit);

    /// <summary>The main template with its partials, before the writer's final trim.</summary>
    string Render(IReadOnlyList<NotesCommit> commits);
}
