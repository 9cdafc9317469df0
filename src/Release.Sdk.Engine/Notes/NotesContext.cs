using Release.Sdk.Engine.History;

namespace Release.Sdk.Engine.Notes;

/// <summary>Everything one run of the release notes needs; semantic-release's <c>generateNotes</c> context as values.</summary>
internal sealed record NotesContext
{
    /// <summary>The commits since the last release, newest first (<c>git log lastTag..HEAD</c>).</summary>
    public required IReadOnlyList<CommitInfo> Commits { get; init; }

    /// <summary>The version being released, e.g. <c>1.3.0</c> or <c>2.0.0-beta.1</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The last release's tag (null for the first release: no compare link).</summary>
    public string? PreviousTag { get; init; }

    /// <summary>The tag the release will get.</summary>
    public string? CurrentTag { get; init; }

    /// <summary>The date in the header; see <see cref="NotesDate.From"/>.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Where links point (null: no links).</summary>
    public RepositoryUrl? Repository { get; init; }

    public NotesOptions Options { get; init; } = new();

    /// <summary>
    /// angular's <c>#</c> (false) or <c>##</c> (true) header. Null derives it as conventional-changelog-writer does: a
    /// version whose patch number is not 0.
    /// </summary>
    public bool? IsPatch { get; init; }
}
