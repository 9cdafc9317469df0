namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>The @semantic-release/exec commands, one per step (null: no hook for that step).</summary>
internal sealed record ExecHooks
{
    public static ExecHooks None { get; } = new();

    public string? VerifyConditionsCmd { get; init; }
    public string? AnalyzeCommitsCmd { get; init; }
    public string? VerifyReleaseCmd { get; init; }
    public string? GenerateNotesCmd { get; init; }
    public string? PrepareCmd { get; init; }
    public string? PublishCmd { get; init; }
    public string? SuccessCmd { get; init; }
    public string? FailCmd { get; init; }

    public string? For(ReleaseStep step) => step switch
    {
        ReleaseStep.VerifyConditions => VerifyConditionsCmd,
        ReleaseStep.AnalyzeCommits => AnalyzeCommitsCmd,
        ReleaseStep.VerifyRelease => VerifyReleaseCmd,
        ReleaseStep.GenerateNotes => GenerateNotesCmd,
        ReleaseStep.Prepare => PrepareCmd,
        ReleaseStep.Publish => PublishCmd,
        ReleaseStep.Success => SuccessCmd,
        ReleaseStep.Fail => FailCmd,
        _ => null,
    };

    /// <summary>Each command of <paramref name="overrides"/> that is set wins over this one.</summary>
    public ExecHooks With(ExecHooks overrides) => new()
    {
        VerifyConditionsCmd = overrides.VerifyConditionsCmd ?? VerifyConditionsCmd,
        AnalyzeCommitsCmd = overrides.AnalyzeCommitsCmd ?? AnalyzeCommitsCmd,
        VerifyReleaseCmd = overrides.VerifyReleaseCmd ?? VerifyReleaseCmd,
        GenerateNotesCmd = overrides.GenerateNotesCmd ?? GenerateNotesCmd,
        PrepareCmd = overrides.PrepareCmd ?? PrepareCmd,
        PublishCmd = overrides.PublishCmd ?? PublishCmd,
        SuccessCmd = overrides.SuccessCmd ?? SuccessCmd,
        FailCmd = overrides.FailCmd ?? FailCmd,
    };
}
