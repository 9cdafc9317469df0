namespace Release.Sdk.Engine.Analysis;

/// <summary>The commit conventions Release.Sdk reproduces exactly (commit-analyzer + release-notes-generator presets).</summary>
internal enum Preset
{
    /// <summary>conventional-changelog-conventionalcommits 9.x: follows the Conventional Commits 1.0 spec (<c>!</c>, BREAKING-CHANGE). Release.Sdk's default.</summary>
    ConventionalCommits,

    /// <summary>conventional-changelog-angular 8.x: semantic-release's own default; ignores <c>!</c> and the hyphenated footer.</summary>
    Angular,
}
