namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>Outcome of an atomic push: accepted, or rejected with git's reason (credentials redacted).</summary>
internal sealed record PushResult(bool Accepted, string? RejectionReason = null);
