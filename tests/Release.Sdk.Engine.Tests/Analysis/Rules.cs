using Release.Sdk.Engine.Analysis;

namespace Release.Sdk.Engine.Tests.Analysis;

internal static class Rules
{
    public static ReleaseRule Rule(string release, params (string Field, string Pattern)[] conditions) =>
        new(conditions.ToDictionary(c => c.Field, c => c.Pattern), Release(release));

    public static ReleaseType Release(string release) => release switch
    {
        "major" => ReleaseType.Major,
        "minor" => ReleaseType.Minor,
        "patch" => ReleaseType.Patch,
        _ => ReleaseType.None,
    };

    /// <summary>The seed configuration's releaseRules (issue 2), in order.</summary>
    public static IReadOnlyList<ReleaseRule> Seed { get; } =
    [
        Rule("patch", ("type", "docs"), ("scope", "README")),
        Rule("patch", ("type", "refactor")),
        Rule("false", ("type", "style")),
        Rule("patch", ("type", "perf")),
        Rule("false", ("scope", "no-release")),
    ];

    public static IReadOnlyList<string> SeedNoteKeywords { get; } = ["BREAKING CHANGE", "BREAKING CHANGES"];
}
