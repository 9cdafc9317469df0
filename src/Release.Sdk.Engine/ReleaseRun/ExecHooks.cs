namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>The @semantic-release/exec commands, one per step (null: no hook for that step).</summary>
internal sealed record ExecHooks
{
    public static ExecHooks None { get; } = new();

    /// <summary>The option names of @semantic-release/exec, in lifecycle order: the keys of .releaserc.json and of the settings file.</summary>
    public static IReadOnlyList<string> OptionNames { get; } =
        ["verifyConditionsCmd", "analyzeCommitsCmd", "verifyReleaseCmd", "generateNotesCmd", "prepareCmd", "publishCmd", "successCmd", "failCmd"];

    /// <summary>Reads each hook by its option name (<see cref="OptionNames"/>) from wherever the caller keeps them.</summary>
    public static ExecHooks Read(Func<string, string?> option) => new()
    {
        VerifyConditionsCmd = option("verifyConditionsCmd"),
        AnalyzeCommitsCmd = option("analyzeCommitsCmd"),
        VerifyReleaseCmd = option("verifyReleaseCmd"),
        GenerateNotesCmd = option("generateNotesCmd"),
        PrepareCmd = option("prepareCmd"),
        PublishCmd = option("publishCmd"),
        SuccessCmd = option("successCmd"),
        FailCmd = option("failCmd"),
    };

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
