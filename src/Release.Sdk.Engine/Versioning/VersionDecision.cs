using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Branches;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Engine.Versioning;

/// <summary>
/// Everything one version computation decided. <see cref="NextVersion"/> is what a release run would publish now
/// (null when no release is due or this build may not release); <see cref="BuildVersion"/> is what every build is
/// stamped with (full SemVer 2, with build metadata).
/// </summary>
internal sealed record VersionDecision
{
    public string? NextVersion { get; init; }
    public string? NextTag { get; init; }
    public required string BuildVersion { get; init; }
    public string? PreviousVersion { get; init; }
    public string? PreviousTag { get; init; }
    public ReleaseType Bump { get; init; }
    public string? Branch { get; init; }
    public BranchType? BranchType { get; init; }
    public string? Channel { get; init; }
    public int CommitCount { get; init; }
    public string? HeadSha { get; init; }

    /// <summary>True when HEAD is exactly a release tag (the build version is the tag's version).</summary>
    public bool IsTaggedCommit { get; init; }

    /// <summary>True when this build may release: configured release branch, not a pull request.</summary>
    public bool CanRelease { get; init; }

    /// <summary>True when no git repository (or no commit) was found and <see cref="BuildVersion"/> is the fallback.</summary>
    public bool IsFallback { get; init; }

    public AnalysisResult Analysis { get; init; } = AnalysisResult.Empty;
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
}
