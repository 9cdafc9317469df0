namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>An exec hook as it would run: its step and the command line after substitution.</summary>
internal sealed record PlannedHook(ReleaseStep Step, string CommandLine);
