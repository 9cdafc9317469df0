namespace Release.Sdk.Git.History;

/// <summary>The parts of a commit that only reading the commit object gives (the commit-graph file has none of them).</summary>
internal sealed record CommitDetails(string AuthorName, string AuthorEmail, string Message, DateTimeOffset CommitterDate);
