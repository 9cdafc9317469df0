namespace Release.Sdk.Git.History;

/// <summary>A commit as just read from git, before it gets an index in the <see cref="CommitStore"/>.</summary>
internal sealed record RawCommit(ObjectKey Id, ObjectKey[] Parents, DateTimeOffset CommitterDate, CommitDetails? Details);
