using NuGet.Versioning;
using Release.Sdk.Engine.Analysis;

namespace Release.Sdk.Engine.Versioning;

/// <summary>
/// The parts of node-semver 7 that semantic-release's version math relies on (<c>inc</c>, <c>diff</c>, strict
/// <c>valid</c>), over NuGet's <see cref="SemanticVersion"/> (which already orders prereleases as SemVer 2 does).
/// </summary>
internal static class SemVer
{
    /// <summary>
    /// A version valid under the official SemVer 2 grammar (semver.org's regex
    /// <c>^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-(…))?(?:\+(…))?$</c>, checked by <see cref="SemVerGrammar"/>):
    /// NuGet alone accepts leading zeros such as <c>01.2.3</c>.
    /// </summary>
    public static SemanticVersion? TryParse(string text) =>
        SemVerGrammar.IsValid(text) && SemanticVersion.TryParse(text, out var version) ? version : null;

    public static SemanticVersion Parse(string text) =>
        TryParse(text) ?? throw new FormatException($"'{text}' is not a SemVer 2 version.");

    /// <summary>The version without prerelease and metadata.</summary>
    public static SemanticVersion Core(SemanticVersion v) => new(v.Major, v.Minor, v.Patch);

    public static SemanticVersion Highest(SemanticVersion? a, SemanticVersion? b) =>
        a is null ? b! : b is null ? a : VersionComparer.Default.Compare(a, b) > 0 ? a : b;

    public static SemanticVersion Lowest(SemanticVersion? a, SemanticVersion? b) =>
        a is null ? b! : b is null ? a : VersionComparer.Default.Compare(a, b) < 0 ? a : b;

    public static int Compare(SemanticVersion a, SemanticVersion b) => VersionComparer.Default.Compare(a, b);

    /// <summary>node-semver <c>inc(version, "major"|"minor"|"patch")</c>: a prerelease of the target bumps to it (2.0.0-beta.1 → major → 2.0.0).</summary>
    public static SemanticVersion Increment(SemanticVersion v, ReleaseType type) => type switch
    {
        ReleaseType.Major => new SemanticVersion(v.Minor != 0 || v.Patch != 0 || !v.IsPrerelease ? v.Major + 1 : v.Major, 0, 0),
        ReleaseType.Minor => new SemanticVersion(v.Major, v.Patch != 0 || !v.IsPrerelease ? v.Minor + 1 : v.Minor, 0),
        ReleaseType.Patch => new SemanticVersion(v.Major, v.Minor, v.IsPrerelease ? v.Patch : v.Patch + 1),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No increment for 'no release'."),
    };

    /// <summary>node-semver <c>inc(version, "prerelease")</c> without identifier: bump the last numeric label (2.0.0-beta.1 → 2.0.0-beta.2).</summary>
    public static SemanticVersion IncrementPrerelease(SemanticVersion v)
    {
        if (!v.IsPrerelease) return new SemanticVersion(v.Major, v.Minor, v.Patch + 1, "0");
        var labels = v.ReleaseLabels.ToList();
        for (var i = labels.Count - 1; i >= 0; i--)
        {
            if (IsNumeric(labels[i]))
            {
                labels[i] = (long.Parse(labels[i], System.Globalization.CultureInfo.InvariantCulture) + 1)
                    .ToString(System.Globalization.CultureInfo.InvariantCulture);
                return new SemanticVersion(v.Major, v.Minor, v.Patch, labels, null);
            }
        }
        labels.Add("0");
        return new SemanticVersion(v.Major, v.Minor, v.Patch, labels, null);
    }

    /// <summary>
    /// semver-diff 5 (node-semver <c>diff</c>, only when <paramref name="from"/> &lt; <paramref name="to"/>):
    /// "major", "premajor", "minor", "preminor", "patch", "prepatch", "prerelease", "build", or null when not lower.
    /// </summary>
    public static string? Diff(SemanticVersion from, SemanticVersion to)
    {
        var cmp = VersionComparer.VersionReleaseMetadata.Compare(from, to);
        if (cmp >= 0) return null;
        if (VersionComparer.Default.Compare(from, to) == 0) return "build";
        var (low, high) = (from, to);
        if (low.IsPrerelease && !high.IsPrerelease)
        {
            if (low.Patch == 0 && low.Minor == 0) return "major";
            if (Compare(Core(low), Core(high)) == 0) return low.Minor != 0 && low.Patch == 0 ? "minor" : "patch";
        }
        var prefix = high.IsPrerelease ? "pre" : "";
        if (from.Major != to.Major) return prefix + "major";
        if (from.Minor != to.Minor) return prefix + "minor";
        if (from.Patch != to.Patch) return prefix + "patch";
        return "prerelease";
    }

    /// <summary>Does the prerelease part contain <paramref name="identifier"/> as one label (node-semver <c>prerelease.includes</c>)?</summary>
    public static bool HasPrereleaseIdentifier(SemanticVersion v, string identifier)
    {
        // semantic-release compares against the parsed labels; a multi-label preid ("rc.x") never matches one label.
        return v.ReleaseLabels.Any(label => label == identifier);
    }

    public static string Format(SemanticVersion v) => v.ToNormalizedString();

    /// <summary>Full SemVer 2 text including build metadata.</summary>
    public static string FormatFull(SemanticVersion v) => v.ToFullString();

    private static bool IsNumeric(string label) => label.Length > 0 && label.All(char.IsAsciiDigit);
}
