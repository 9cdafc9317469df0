using Release.Sdk.Engine.Commits;

namespace Release.Sdk.Engine.Analysis;

/// <summary>How one commit counted: its parsed form, the release type it asks for, and which rule decided (for <c>explain</c>).</summary>
/// <param name="Rule">The rule that decided, or null when no rule matched.</param>
/// <param name="RuleSource">"custom" (from releaseRules), "default" (commit-analyzer defaults) or null.</param>
/// <param name="CancelledBy">Sha of the revert that cancels this commit (or of the commit this revert cancels); such commits count for nothing.</param>
internal sealed record CommitDecision(
    ConventionalCommit Commit,
    ReleaseType Release,
    ReleaseRule? Rule,
    string? RuleSource,
    string? CancelledBy = null);
