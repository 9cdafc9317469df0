namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>
/// What a release run does (a dry run's whole answer, a real run's record): the version and tag, the notes, the
/// files it changes (with diffs), the release commit's message (null in tag-only mode or when nothing changed), the
/// pushes, and the exec hooks with their substituted command lines.
/// </summary>
internal sealed record ReleasePlan
{
    public required string Version { get; init; }
    public required string Tag { get; init; }
    public string? PreviousVersion { get; init; }
    public string? PreviousTag { get; init; }
    public string? Branch { get; init; }
    public string? Channel { get; init; }
    public required string Notes { get; init; }
    public IReadOnlyList<PlannedFile> Files { get; init; } = [];
    public string? CommitMessage { get; init; }
    public bool TagOnly { get; init; }
    public IReadOnlyList<PlannedPush> Pushes { get; init; } = [];
    public IReadOnlyList<PlannedHook> Hooks { get; init; } = [];
}
