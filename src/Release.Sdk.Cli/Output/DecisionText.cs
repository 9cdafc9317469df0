using Release.Sdk.Engine.Analysis;

namespace Release.Sdk.Cli.Output;

/// <summary>The lower-case words semantic-release uses for release and branch types; null for "none".</summary>
internal static class DecisionText
{
    public static string? Bump(ReleaseType bump) => bump switch
    {
        ReleaseType.Major => "major",
        ReleaseType.Minor => "minor",
        ReleaseType.Patch => "patch",
        _ => null,
    };

    public static string? BranchType(Engine.Branches.BranchType? type) => type switch
    {
        Engine.Branches.BranchType.Release => "release",
        Engine.Branches.BranchType.Maintenance => "maintenance",
        Engine.Branches.BranchType.Prerelease => "prerelease",
        _ => null,
    };

    public static string ShortSha(string sha) => sha.Length > 7 ? sha[..7] : sha;

    /// <summary>Why <c>next</c> is what it is, for the human outputs.</summary>
    public static string NextRelease(Engine.Versioning.VersionDecision decision)
    {
        if (decision.NextVersion is not null)
            return decision.NextTag is null ? decision.NextVersion : $"{decision.NextVersion} (tag {decision.NextTag})";
        if (decision.IsFallback) return "none (no git history; the build uses the fallback version)";
        if (decision.IsTaggedCommit) return $"none (HEAD is already released{(decision.PreviousTag is null ? "" : $" as {decision.PreviousTag}")})";
        if (!decision.CanRelease) return $"none (builds of {(decision.Branch is null ? "a detached HEAD" : $"branch '{decision.Branch}'")} do not release here)";
        return $"none (no release-relevant commits since {decision.PreviousTag ?? "the start of history"})";
    }
}
