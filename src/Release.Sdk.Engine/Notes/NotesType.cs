namespace Release.Sdk.Engine.Notes;

/// <summary>
/// One entry of the conventionalcommits preset's <c>types</c> (<c>presetConfig.types</c>): commits of this type
/// (and, when given, this scope) go under <paramref name="Section"/>, or are left out when <paramref name="Hidden"/>
/// (unless they carry a breaking change).
/// </summary>
internal sealed record NotesType(string Type, string? Section, bool Hidden = false, string? Scope = null)
{
    /// <summary>conventional-changelog-conventionalcommits 9.3.1 src/constants.js <c>DEFAULT_COMMIT_TYPES</c>.</summary>
    public static readonly IReadOnlyList<NotesType> Defaults =
    [
        new("feat", "Features"),
        new("feature", "Features"),
        new("fix", "Bug Fixes"),
        new("perf", "Performance Improvements"),
        new("revert", "Reverts"),
        new("docs", "Documentation", Hidden: true),
        new("style", "Styles", Hidden: true),
        new("chore", "Miscellaneous Chores", Hidden: true),
        new("refactor", "Code Refactoring", Hidden: true),
        new("test", "Tests", Hidden: true),
        new("build", "Build System", Hidden: true),
        new("ci", "Continuous Integration", Hidden: true),
    ];
}
