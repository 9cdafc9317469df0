namespace Release.Sdk.Engine.Commits;

/// <summary>A note footer, e.g. title "BREAKING CHANGE" and its (possibly multi-line) text.</summary>
internal sealed record CommitNote(string Title, string Text);
