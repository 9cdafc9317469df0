using Microsoft.Build.Framework;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Branches;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Tasks;

/// <summary>
/// Maps the <c>ReleaseBranch</c> and <c>ReleaseRule</c> items to the engine's branch specs and release rules.
/// <c>&lt;ReleaseBranch Include="beta" Prerelease="true" Channel="beta" Range="1.x" /&gt;</c>;
/// <c>&lt;ReleaseRule Include="readme-docs" Type="docs" Scope="README" Release="patch" /&gt;</c>, where every
/// metadata other than Release, Breaking and Revert is a condition on the parsed commit field of that name.
/// </summary>
internal static class ConfigurationItems
{
    /// <summary>The task's configuration inputs as overrides: an empty property means "not set" (the config file or default applies).</summary>
    public static ReleaseConfigOverrides Overrides(IConfigurationInputs task) => new(
        TagPrefix: Given(task.TagPrefix),
        TagFormat: Given(task.TagFormat),
        Preset: Given(task.Preset),
        Branches: Branches(task.Branches),
        ReleaseRules: Rules(task.Rules),
        BuildLabel: Given(task.BuildLabel),
        NoteKeywords: Given(task.NoteKeywords)?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Every configuration input as text, for the cache key.</summary>
    public static string Describe(IConfigurationInputs task) => string.Join("\n",
        [task.TagPrefix, task.TagFormat, task.Preset, task.BuildLabel, task.ConfigFile, task.NoteKeywords, task.DeepenShallowClone.ToString(),
         .. task.Branches.Concat(task.Rules).Select(i => i.ItemSpec + string.Concat(
             i.CloneCustomMetadata().Keys.Cast<string>().Order(StringComparer.Ordinal).Select(k => $";{k}={i.GetMetadata(k)}")))]);

    private static readonly HashSet<string> RuleKeywords = new(StringComparer.OrdinalIgnoreCase) { "Release", "Breaking", "Revert" };

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static IReadOnlyList<BranchSpec>? Branches(ITaskItem[] items) => items.Length == 0 ? null : items.Select(Branch).ToArray();

    private static IReadOnlyList<ReleaseRule>? Rules(ITaskItem[] items) => items.Length == 0 ? null : items.Select(Rule).ToArray();

    private static BranchSpec Branch(ITaskItem item)
    {
        var channel = Metadata(item, "Channel");
        var prerelease = Metadata(item, "Prerelease");
        return new BranchSpec(
            item.ItemSpec,
            Channel: string.Equals(channel, "false", StringComparison.OrdinalIgnoreCase) ? null : channel,
            Prerelease: prerelease?.ToLowerInvariant() switch { null or "false" => null, "true" => "", _ => prerelease },
            Range: Metadata(item, "Range"),
            ChannelIsFalse: string.Equals(channel, "false", StringComparison.OrdinalIgnoreCase));
    }

    private static ReleaseRule Rule(ITaskItem item)
    {
        var release = Metadata(item, "Release")?.ToLowerInvariant() switch
        {
            "major" => ReleaseType.Major,
            "minor" => ReleaseType.Minor,
            "patch" => ReleaseType.Patch,
            "false" => ReleaseType.None,
            var other => throw Invalid(item, $"Release=\"{other}\" must be major, minor, patch or false"),
        };
        var conditions = item.CloneCustomMetadata().Keys.Cast<string>()
            .Where(name => !RuleKeywords.Contains(name) && item.GetMetadata(name).Length > 0)
            .ToDictionary(name => name.ToLowerInvariant(), item.GetMetadata);
        foreach (var (name, pattern) in conditions)
        {
            if (ReleaseRule.IsRegexPattern(pattern) && RulePatternRegex.Validate(pattern) is { } problem)
                throw Invalid(item, $"{name}=\"{pattern}\" is not a valid regular expression ({problem})");
        }
        return new ReleaseRule(conditions, release, Flag(item, "Breaking"), Flag(item, "Revert"), RegexPatterns: true);
    }

    private static bool? Flag(ITaskItem item, string name) => Metadata(item, name) switch
    {
        null => null,
        var value when bool.TryParse(value, out var flag) => flag,
        var value => throw Invalid(item, $"{name}=\"{value}\" must be true or false"),
    };

    private static string? Metadata(ITaskItem item, string name) => item.GetMetadata(name) is { Length: > 0 } value ? value : null;

    private static ReleaseException Invalid(ITaskItem item, string problem) => new(DiagnosticCatalog.InvalidReleaseRule,
        $"ReleaseRule item \"{item.ItemSpec}\": {problem}. Fix the <ReleaseRule> item in the project (or Directory.Build.props).");
}
