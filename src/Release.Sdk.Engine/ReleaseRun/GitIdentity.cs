namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>Author, committer or tagger of what the release run writes.</summary>
internal sealed record GitIdentity(string Name, string Email, DateTimeOffset When);
