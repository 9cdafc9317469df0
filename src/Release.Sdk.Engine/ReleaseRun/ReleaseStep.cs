namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>semantic-release's lifecycle steps, in order; each may have an exec hook.</summary>
internal enum ReleaseStep
{
    VerifyConditions,
    AnalyzeCommits,
    VerifyRelease,
    GenerateNotes,
    Prepare,
    Publish,
    Success,
    Fail,
}
