namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>One atomic push: the remote and its refspecs (branch and tag together).</summary>
internal sealed record PlannedPush(string Remote, IReadOnlyList<string> Refspecs);
