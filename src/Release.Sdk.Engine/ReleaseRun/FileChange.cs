namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>A file the prepare step changes: its content before (null: created) and after.</summary>
internal sealed record FileChange(string Path, string? Original, string Content);
