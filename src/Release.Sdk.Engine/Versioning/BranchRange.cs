using NuGet.Versioning;

namespace Release.Sdk.Engine.Versioning;

/// <summary>
/// The only ranges semantic-release builds for branches: <c>&gt;=min</c> or <c>&gt;=min &lt;max</c> (its
/// <c>getRange</c>), and maintenance X-ranges <c>N.x</c>, <c>N.x.x</c>, <c>N.N.x</c>. <see cref="ToString"/> prints
/// semantic-release's form, which appears in EINVALIDNEXTVERSION messages.
/// </summary>
internal sealed record BranchRange(SemanticVersion Min, SemanticVersion? Max)
{
    // At most 9 digits per number so the bounds always fit in an int; a longer "number" is simply not a range.
    // Matched by hand rather than by regex: every build asks it about each configured branch, and the first regex a
    // process runs costs it ~9 ms of setup. RangeShapeTests holds both methods to the regexes
    // ^\d{1,9}(?:\.(?:\d{1,9}|x))?\.x$ and ^\d{1,9}\.x(?:\.x)?$ (IgnoreCase), quirks included: \d is any Unicode
    // decimal digit and $ also matches before a final line feed.

    /// <summary>semantic-release's <c>isMaintenanceRange</c>: <c>1.x</c>, <c>1.x.x</c>, <c>1.2.x</c>.</summary>
    public static bool IsMaintenanceRange(string? text)
    {
        if (text is null) return false;
        var end = text.EndsWith('\n') ? text.Length - 1 : text.Length;
        var at = SkipNumber(text, 0, end);
        if (at < 0 || at == end || text[at] != '.') return false;
        if (at + 2 >= end) return at + 2 == end && IsX(text[at + 1]);
        // The optional middle part, a number or an x, then ".x" ends the range.
        var middle = IsX(text[at + 1]) ? at + 2 : SkipNumber(text, at + 1, end);
        return middle >= 0 && middle + 2 == end && IsDotX(text, middle, end);
    }

    /// <summary>semantic-release's <c>isMajorRange</c>: <c>1.x</c>, <c>1.x.x</c>.</summary>
    public static bool IsMajorRange(string text)
    {
        var end = text.EndsWith('\n') ? text.Length - 1 : text.Length;
        var at = SkipNumber(text, 0, end);
        if (at < 0 || !IsDotX(text, at, end)) return false;
        return at + 2 == end || (at + 4 == end && IsDotX(text, at + 2, end));
    }

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

    /// <summary>The end of 1 to 9 decimal digits starting at <paramref name="at"/>, or −1.</summary>
    private static int SkipNumber(string text, int at, int end)
    {
        var start = at;
        while (at < end && char.IsDigit(text[at])) at++;
        return at > start && at - start <= 9 ? at : -1;
    }

    /// <summary>".x" or ".X" at <paramref name="at"/>.</summary>
    private static bool IsDotX(string text, int at, int end) => at + 2 <= end && text[at] == '.' && IsX(text[at + 1]);

    private static bool IsX(char c) => c is 'x' or 'X';

    private bool SameCoreAsPrereleaseBound(SemanticVersion version) =>
        (Min.IsPrerelease && SemVer.Compare(SemVer.Core(Min), SemVer.Core(version)) == 0)
        || (Max is { IsPrerelease: true } && SemVer.Compare(SemVer.Core(Max), SemVer.Core(version)) == 0);
}
