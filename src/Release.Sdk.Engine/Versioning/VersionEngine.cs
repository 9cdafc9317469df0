using NuGet.Versioning;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Branches;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.History;

namespace Release.Sdk.Engine.Versioning;

/// <summary>
/// One version computation, following semantic-release 24's run(): resolve the branch, find the last release among
/// the tags merged into HEAD, analyze the commits since, compute the next version and check the branch's range.
/// Every build also gets an ordered build version (design.md §5). Pure: all inputs come through the parameters.
/// </summary>
internal static class VersionEngine
{
    public static VersionDecision Decide(IRepositoryHistory history, ReleaseConfig config, CiContext ci)
    {
        var state = history.State;
        var head = state.HeadSha ?? throw new ArgumentException("The repository has no commit; the caller reports RSDK0003 instead.", nameof(history));
        var format = TagFormat.Parse(config.TagFormat);
        var tags = new ReleaseTagIndex(history, format);
        var diagnostics = new List<Diagnostic>();

        var branchName = state.BranchName ?? ci.BranchName;
        var headTag = tags.At(head).OrderByDescending(t => t.Version, VersionComparer.Default).FirstOrDefault();
        if (branchName is null && headTag is null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCatalog.DetachedHeadNoBranch,
                $"HEAD is detached at {ShortSha(head)} and no CI branch variable names the branch, so this is built as a non-release branch. " +
                "Check out a branch, or build on CI where GITHUB_REF_NAME / BUILD_SOURCEBRANCH / CI_COMMIT_REF_NAME is set."));
        }

        // Pull requests never release (semantic-release stops before reading branches), so their branch model is not needed.
        var model = branchName is not null && !ci.IsPullRequest ? CurrentBranch.ModelFor(history, config, tags, branchName, head) : null;
        var branch = model?.Find(branchName!);
        var lastRelease = branch is not null
            ? LastRelease.Find(branch)
            : tags.ReachableFrom(head).Where(t => !t.Version.IsPrerelease).OrderByDescending(t => t.Version, VersionComparer.Default).FirstOrDefault();

        IReadOnlyCollection<string> excludes = lastRelease is null ? [] : [lastRelease.CommitSha];
        if (state.IsShallow && history.WalkHitsShallowBoundary(head, excludes))
        {
            throw new ReleaseException(DiagnosticCatalog.ShallowCloneMissingHistory, ShallowMessage(lastRelease));
        }
        var commits = history.CommitsSince(head, excludes);
        var analysis = CommitAnalyzer.Summarize(commits, config.Analyzer, history.AnalyzedCommits);

        SemanticVersion? next = null;
        if (branch is not null && analysis.Bump != ReleaseType.None)
        {
            next = NextVersion.Compute(branch, analysis.Bump, lastRelease);
            if (branch.Type != BranchType.Prerelease && !branch.Range!.Contains(next))
            {
                throw OutOfRange.Error(next, branch, model!, CommitAnalyzer.Analyze(commits, config.Analyzer));
            }
        }

        return new VersionDecision
        {
            NextVersion = next is null ? null : SemVer.Format(next),
            NextTag = next is null ? null : format.Format(next),
            BuildVersion = BuildVersion.For(headTag, branch, lastRelease, analysis.Bump, next, commits.Count, head, config.BuildLabel),
            PreviousVersion = lastRelease?.VersionText,
            PreviousTag = lastRelease?.Name,
            Bump = analysis.Bump,
            Branch = branchName,
            BranchType = branch?.Type,
            Channel = branch?.Channel,
            CommitCount = commits.Count,
            HeadSha = head,
            IsTaggedCommit = headTag is not null,
            CanRelease = branch is not null,
            Summary = analysis,
            DeferredAnalysis = new Lazy<AnalysisResult>(() => CommitAnalyzer.Analyze(commits, config.Analyzer)),
            Diagnostics = diagnostics,
        };
    }

    internal static string ShortSha(string sha) => sha.Length > 7 ? sha[..7] : sha;

    private static string ShallowMessage(ReleaseTag? lastRelease) =>
        (lastRelease is null
            ? "This is a shallow clone and the history it cut off may hold release tags, so the version cannot be computed safely. "
            : $"This is a shallow clone and the commits between HEAD and the last release {lastRelease.Name} are not all present, so the version cannot be computed safely. ")
        + "Fetch the full history: with actions/checkout set 'fetch-depth: 0' (other CI: git fetch --unshallow --tags), "
        + "or set ReleaseDeepenShallowClone=true to let Release.Sdk fetch the missing history and tags from origin.";
}
