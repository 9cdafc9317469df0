using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Branches;

/// <summary>A branch's allowed versions as normalize.js computes them (range, accepted release types, maintenance merge range).</summary>
internal sealed record BranchBounds(BranchRange? Range, IReadOnlyList<ReleaseType> Accept, BranchRange? MergeRange)
{
    public static BranchBounds Unbounded { get; } = new(null, [ReleaseType.Patch, ReleaseType.Minor, ReleaseType.Major], null);

    private static readonly ReleaseType[] ReleaseTypes = [ReleaseType.Patch, ReleaseType.Minor, ReleaseType.Major];

    /// <summary>
    /// <c>RELEASE_TYPE.slice(0, RELEASE_TYPE.indexOf(diff))</c>, quirks included: an unknown diff ("premajor", or none
    /// at all) gives indexOf −1 and therefore [patch, minor].
    /// </summary>
    public static IReadOnlyList<ReleaseType> AcceptFor(string? diff)
    {
        var index = diff switch { "patch" => 0, "minor" => 1, "major" => 2, _ => -1 };
        return ReleaseTypes[..(index >= 0 ? index : ReleaseTypes.Length - 1)];
    }
}
