using Release.Sdk.Engine.Analysis;

namespace Release.Sdk.Engine.Notes;

/// <summary>
/// release-notes-generator's options as far as Release.Sdk reproduces them (see <see cref="NotesOptionsReader"/>).
/// Null means "the preset's or the host's default".
/// </summary>
internal sealed record NotesOptions
{
    public Preset Preset { get; init; } = Preset.ConventionalCommits;

    /// <summary>
    /// True when the configuration names the preset. release-notes-generator hands presetConfig to a preset only
    /// when one is named; its implicit default (angular) gets none, so angular ignores ignoreCommits then.
    /// </summary>
    public bool PresetNamed { get; init; }

    /// <summary>parserOpts.noteKeywords.</summary>
    public IReadOnlyList<string>? NoteKeywords { get; init; }

    /// <summary>parserOpts.issuePrefixes (wins over presetConfig.issuePrefixes and the host's).</summary>
    public IReadOnlyList<string>? ParserIssuePrefixes { get; init; }

    /// <summary>parserOpts.referenceActions (wins over the host's).</summary>
    public IReadOnlyList<string>? ReferenceActions { get; init; }

    public bool? IssuePrefixesCaseSensitive { get; init; }

    /// <summary>presetConfig.types (conventionalcommits only); null = <see cref="NotesType.Defaults"/>.</summary>
    public IReadOnlyList<NotesType>? Types { get; init; }

    /// <summary>presetConfig.issuePrefixes (conventionalcommits: parser and subject links); null = <c>["#"]</c>.</summary>
    public IReadOnlyList<string>? IssuePrefixes { get; init; }

    public string? CommitUrlFormat { get; init; }

    public string? CompareUrlFormat { get; init; }

    public string? IssueUrlFormat { get; init; }

    public string? UserUrlFormat { get; init; }

    /// <summary>presetConfig.ignoreCommits: a JavaScript regular expression; matching commit messages are left out.</summary>
    public string? IgnoreCommits { get; init; }

    /// <summary>presetConfig.scope (conventionalcommits): only commits of these scopes (and, unless ScopeOnly, unscoped ones).</summary>
    public IReadOnlyList<string>? Scope { get; init; }

    public bool ScopeOnly { get; init; }

    /// <summary>linkCompare; null = link when there is a previous tag.</summary>
    public bool? LinkCompare { get; init; }

    /// <summary>linkReferences; null = link when the repository URL has an owner/repository path.</summary>
    public bool? LinkReferences { get; init; }

    /// <summary>The <c>host</c>, <c>commit</c> and <c>issue</c> plugin options: override the link base and path segments.</summary>
    public string? Host { get; init; }

    public string? CommitPath { get; init; }

    public string? IssuePath { get; init; }

    /// <summary>writerOpts.commitsSort: commit fields compared (concatenated) within a section; null = the preset's (scope, subject).</summary>
    public IReadOnlyList<string>? CommitsSort { get; init; }
}
