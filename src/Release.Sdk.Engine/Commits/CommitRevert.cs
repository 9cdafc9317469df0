namespace Release.Sdk.Engine.Commits;

/// <summary>What a revert commit reverts: the reverted header and, when given, the reverted commit's sha.</summary>
internal sealed record CommitRevert(string? Header, string? Hash);
