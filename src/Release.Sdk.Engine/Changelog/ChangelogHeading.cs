using NuGet.Versioning;

namespace Release.Sdk.Engine.Changelog;

/// <summary>A Markdown heading that names a release: <c>## [1.3.0](…) (2024-06-01)</c> → 1.3.0, level 2, line 5 (1-based).</summary>
internal sealed record ChangelogHeading(SemanticVersion Version, int Level, int Line);
