namespace Release.Sdk.Engine.Analysis;

/// <summary>What the commit analyzer needs: the preset, custom rules (tried before the defaults) and parser overrides.</summary>
/// <param name="NoteKeywords">parserOpts.noteKeywords; null = the preset's own.</param>
internal sealed record AnalyzerOptions(
    Preset Preset = Preset.ConventionalCommits,
    IReadOnlyList<ReleaseRule>? ReleaseRules = null,
    IReadOnlyList<string>? NoteKeywords = null);
