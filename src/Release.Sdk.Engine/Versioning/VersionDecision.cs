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

    private Lazy<AnalysisResult> _analysis = new(AnalysisResult.Empty);
    private AnalysisSummary? _summary;

    /// <summary>Every commit's decision, for <c>explain</c> and release notes. See <see cref="DeferredAnalysis"/>.</summary>
    public AnalysisResult Analysis
    {
        get => _analysis.Value;
        init
        {
            _analysis = new Lazy<AnalysisResult>(value);
            _summary = null;
        }
    }

    /// <summary>
    /// <see cref="Analysis"/> computed on first use: a build reads only <see cref="Summary"/>, so it neither parses
    /// cached commits again nor keeps a parsed record per commit alive.
    /// </summary>
    public Lazy<AnalysisResult> DeferredAnalysis
    {
        get => _analysis;
        init => _analysis = value;
    }

    /// <summary>The bump and counts the summary line shows; derived from <see cref="Analysis"/> unless the engine set it.</summary>
    public AnalysisSummary Summary
    {
        get => _summary ?? Analysis.Summarize();
        init => _summary = value;
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
}
