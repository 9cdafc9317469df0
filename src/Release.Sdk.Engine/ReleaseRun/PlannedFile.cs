namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>A file the release changes: its repository-relative path and a unified diff of the change.</summary>
internal sealed record PlannedFile(string Path, string Diff);
