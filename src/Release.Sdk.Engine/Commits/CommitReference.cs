namespace Release.Sdk.Engine.Commits;

/// <summary>An issue reference as conventional-commits-parser reports it: <c>Closes owner/repo#12</c> → action "Closes", owner, repository, issue "12", prefix "#".</summary>
internal sealed record CommitReference(string? Action, string? Owner, string? Repository, string Issue, string Raw, string Prefix);
