using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Commits;
using Release.Sdk.Engine.History;

namespace Release.Sdk.Engine.Tests.Commits;

internal static class Parse
{
    public const string Sha = "0123456789abcdef0123456789abcdef01234567";

    public static ConventionalCommit Angular(string message) => With(Preset.Angular, message);

    public static ConventionalCommit Conventional(string message) => With(Preset.ConventionalCommits, message);

    public static Preset Named(string preset) => preset == "angular" ? Preset.Angular : Preset.ConventionalCommits;

    public static ConventionalCommit With(string preset, string message, IReadOnlyList<string>? noteKeywords = null) =>
        With(Named(preset), message, noteKeywords);

    public static ConventionalCommit With(Preset preset, string message, IReadOnlyList<string>? noteKeywords = null) =>
        CommitParser.Parse(new CommitInfo(Sha, message), ParserOptions.For(preset, noteKeywords));
}
