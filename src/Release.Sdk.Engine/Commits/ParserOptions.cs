using System.Text.RegularExpressions;
using Release.Sdk.Engine.Analysis;

namespace Release.Sdk.Engine.Commits;

/// <summary>
/// conventional-commits-parser 6.4.0 options after commit-analyzer merged them
/// (<c>{...parserDefaults, ...preset.parser, ...parserOpts}</c>). Header and revert patterns are fixed per preset;
/// their groups are the presets' correspondences (type, scope, subject / header, hash).
/// </summary>
internal sealed record ParserOptions
{
    public static readonly IReadOnlyList<string> DefaultReferenceActions =
        ["close", "closes", "closed", "fix", "fixes", "fixed", "resolve", "resolves", "resolved"];

    public static readonly IReadOnlyList<string> DefaultIssuePrefixes = ["#"];

    public required Regex HeaderPattern { get; init; }

    /// <summary>conventionalcommits' <c>type(scope)!:</c> pattern; it also adds a BREAKING CHANGE note whose text is the subject.</summary>
    public Regex? BreakingHeaderPattern { get; init; }

    public Regex? RevertPattern { get; init; }

    /// <summary>Neither preset sets one, so merge commits are parsed like any other commit.</summary>
    public Regex? MergePattern { get; init; }

    /// <summary>Field names for the merge pattern's groups, in order.</summary>
    public IReadOnlyList<string> MergeCorrespondence { get; init; } = [];

    /// <summary>null disables notes entirely (the parser's nomatch regex).</summary>
    public IReadOnlyList<string>? NoteKeywords { get; init; }

    /// <summary>null makes every line one reference sentence without an action.</summary>
    public IReadOnlyList<string>? ReferenceActions { get; init; } = DefaultReferenceActions;

    /// <summary>null disables references.</summary>
    public IReadOnlyList<string>? IssuePrefixes { get; init; } = DefaultIssuePrefixes;

    public bool IssuePrefixesCaseSensitive { get; init; }

    /// <summary>The parser's default <c>fieldPattern</c> <c>^-(.*?)-$</c>; no preset turns it off.</summary>
    public bool ParseFields { get; init; } = true;

    /// <param name="noteKeywords">parserOpts.noteKeywords; null keeps the preset's.</param>
    public static ParserOptions For(Preset preset, IReadOnlyList<string>? noteKeywords = null) => preset switch
    {
        Preset.Angular => new ParserOptions
        {
            HeaderPattern = PresetPatterns.AngularHeader(),
            RevertPattern = PresetPatterns.AngularRevert(),
            NoteKeywords = noteKeywords ?? ["BREAKING CHANGE"],
        },
        _ => new ParserOptions
        {
            HeaderPattern = PresetPatterns.ConventionalCommitsHeader(),
            BreakingHeaderPattern = PresetPatterns.ConventionalCommitsBreakingHeader(),
            RevertPattern = PresetPatterns.ConventionalCommitsRevert(),
            NoteKeywords = noteKeywords ?? ["BREAKING CHANGE", "BREAKING-CHANGE"],
        },
    };
}
