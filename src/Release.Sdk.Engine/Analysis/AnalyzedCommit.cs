using Release.Sdk.Engine.Commits;

namespace Release.Sdk.Engine.Analysis;

/// <summary>
/// What the analysis needs to remember about one commit to fold a range without parsing it again: it depends only
/// on the commit (its sha fixes its message) and the analyzer options, so it can be cached per (options, sha).
/// </summary>
/// <param name="IsEmpty">The trimmed message is empty: commit-analyzer skips the commit entirely.</param>
/// <param name="Release">What the release rules ask for, before revert cancellation.</param>
/// <param name="Type">The parsed conventional type (for the summary counts).</param>
/// <param name="RevertKey"><see cref="RevertKeys.Of"/> of the commit's own trimmed header and hash fields: what a revert of it must match.</param>
/// <param name="Revert">The trimmed revert target when the commit is a revert.</param>
internal readonly record struct AnalyzedCommit(bool IsEmpty, ReleaseType Release, string? Type, ulong RevertKey, CommitRevert? Revert);
