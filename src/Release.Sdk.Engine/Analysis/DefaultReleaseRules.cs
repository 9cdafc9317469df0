namespace Release.Sdk.Engine.Analysis;

/// <summary>commit-analyzer 13.0.1 lib/default-release-rules.js, in its order. The atom/ember/eslint/express rules
/// name fields our presets never produce (only a <c>-emoji-</c> style meta field could), so they rarely match.</summary>
internal static class DefaultReleaseRules
{
    public static IReadOnlyList<ReleaseRule> All { get; } =
    [
        new(Empty, ReleaseType.Major, Breaking: true),
        new(Empty, ReleaseType.Patch, Revert: true),
        When("type", "feat", ReleaseType.Minor),
        When("type", "fix", ReleaseType.Patch),
        When("type", "perf", ReleaseType.Patch),
        When("emoji", ":racehorse:", ReleaseType.Patch),
        When("emoji", ":bug:", ReleaseType.Patch),
        When("emoji", ":penguin:", ReleaseType.Patch),
        When("emoji", ":apple:", ReleaseType.Patch),
        When("emoji", ":checkered_flag:", ReleaseType.Patch),
        When("tag", "BUGFIX", ReleaseType.Patch),
        When("tag", "FEATURE", ReleaseType.Minor),
        When("tag", "SECURITY", ReleaseType.Patch),
        When("tag", "Breaking", ReleaseType.Major),
        When("tag", "Fix", ReleaseType.Patch),
        When("tag", "Update", ReleaseType.Minor),
        When("tag", "New", ReleaseType.Minor),
        When("component", "perf", ReleaseType.Patch),
        When("component", "deps", ReleaseType.Patch),
        When("type", "FEAT", ReleaseType.Minor),
        When("type", "FIX", ReleaseType.Patch),
    ];

    private static IReadOnlyDictionary<string, string> Empty => new Dictionary<string, string>();

    private static ReleaseRule When(string field, string pattern, ReleaseType release) =>
        new(new Dictionary<string, string> { [field] = pattern }, release);
}
