using Release.Sdk.Engine.Analysis;

namespace Release.Sdk.Engine.Versioning;

/// <summary>
/// The step outputs Release.Sdk appends to <c>$GITHUB_OUTPUT</c> on GitHub Actions. <c>version</c> is the build
/// version (what the build was stamped with); <c>next-version</c> is what a release run would publish now, empty
/// when nothing is due. Absent values are written empty so workflow expressions can test them.
/// </summary>
internal static class GitHubOutput
{
    public static IReadOnlyList<string> Lines(VersionDecision d) =>
    [
        $"version={d.BuildVersion}",
        $"previous-version={d.PreviousVersion}",
        $"previous-tag={d.PreviousTag}",
        $"bump={(d.Bump == ReleaseType.None ? "" : d.Bump.ToString().ToLowerInvariant())}",
        $"channel={d.Channel}",
        $"next-version={d.NextVersion}",
        $"next-tag={d.NextTag}",
        $"release={(d.NextVersion is not null ? "true" : "false")}",
        $"branch={d.Branch}",
    ];
}
