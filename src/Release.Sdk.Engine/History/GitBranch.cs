namespace Release.Sdk.Engine.History;

/// <summary>A branch tip. <paramref name="Name"/> is the short name without remote prefix ("main", "1.x");
/// <paramref name="IsRemote"/> is true for a remote-tracking branch (origin/main) that has no local twin.</summary>
internal sealed record GitBranch(string Name, string TipSha, bool IsRemote = false);
