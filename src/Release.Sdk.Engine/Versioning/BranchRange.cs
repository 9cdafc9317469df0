using System.Text.RegularExpressions;
using NuGet.Versioning;

namespace Release.Sdk.Engine.Versioning;

/// <summary>
/// The only ranges semantic-release builds for branches: <c>&gt;=min</c> or <c>&gt;=min &lt;max</c> (its
/// <c>getRange</c>), and maintenance X-ranges <c>N.x</c>, <c>N.x.x</c>, <c>N.N.x</c>. <see cref="ToString"/> prints
/// semantic-release's form, which appears in EINVALIDNEXTVERSION messages.
/// </summary>
internal sealed partial record BranchRange(SemanticVersion Min, SemanticVersion? Max)
{
    // At most 9 digits per number so the bounds always fit in an int; a longer "number" is simply not a range.
    [GeneratedRegex(@"^\d{1,9}(?:\.(?:\d{1,9}|x))?\.x$", RegexOptions.IgnoreCase)]
    private static partial Regex MaintenanceRangePattern();

    [GeneratedRegex(@"^\d{1,9}\.x(?:\.x)?$", RegexOptions.IgnoreCase)]
    private static partial Regex MajorRangePattern();

    /// <summary>semantic-release's <c>isMaintenanceRange</c>: <c>1.x</c>, <c>1.x.x</c>, <c>1.2.x</c>.</summary>
    public static bool IsMaintenanceRange(string? text) => text is not null && MaintenanceRangePattern().IsMatch(text);

    /// <summary>semantic-release's <c>isMajorRange</c>: <c>1.x</c>, <c>1.x.x</c>.</summary>
    public static bool IsMajorRange(string text) => MajorRangePattern().IsMatch(text);

    /// <summary>The X-range as node-semver's <c>validRange</c> expands it: 1.x → &gt;=1.0.0 &lt;2.0.0; 1.2.x → &gt;=1.2.0 &lt;1.3.0.</summary>
    public static BranchRange FromMaintenanceRange(string text)
    {
        if (!IsMaintenanceRange(text)) throw new ArgumentException($"'{text}' is not a maintenance range.", nameof(text));
        var parts = text.Split('.');
        var major = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        if (IsMajorRange(text)) return new(new SemanticVersion(major, 0, 0), new SemanticVersion(major + 1, 0, 0));
        var minor = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return new(new SemanticVersion(major, minor, 0), new SemanticVersion(major, minor + 1, 0));
    }

    /// <summary>
    /// node-semver <c>satisfies</c> for this range. A prerelease never satisfies a range whose bounds are releases
    /// (node-semver's default), which is all semantic-release ever checks here.
    /// </summary>
    public bool Contains(SemanticVersion version)
    {
        if (version.IsPrerelease && !SameCoreAsPrereleaseBound(version)) return false;
        return SemVer.Compare(version, Min) >= 0 && (Max is null || SemVer.Compare(version, Max) < 0);
    }

    public override string ToString() => Max is null ? $">={SemVer.Format(Min)}" : $">={SemVer.Format(Min)} <{SemVer.Format(Max)}";

    private bool SameCoreAsPrereleaseBound(SemanticVersion version) =>
        (Min.IsPrerelease && SemVer.Compare(SemVer.Core(Min), SemVer.Core(version)) == 0)
        || (Max is { IsPrerelease: true } && SemVer.Compare(SemVer.Core(Max), SemVer.Core(version)) == 0);
}
