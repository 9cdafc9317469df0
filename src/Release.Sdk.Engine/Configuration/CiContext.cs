namespace Release.Sdk.Engine.Configuration;

/// <summary>
/// What the CI environment says about this build. Built from environment variables by <c>CiContext.Detect</c>
/// (values in, so tests pass a dictionary). A pull-request build is never a release build.
/// </summary>
/// <param name="Provider">"github", "azure-pipelines", "gitlab", "generic" or null when not on CI.</param>
/// <param name="BranchName">The branch the CI says is built (source branch for PRs); null when unknown.</param>
/// <param name="GitHubOutputPath">$GITHUB_OUTPUT on GitHub Actions.</param>
internal sealed partial record CiContext(
    bool IsCi,
    string? Provider,
    string? BranchName,
    bool IsPullRequest,
    string? GitHubOutputPath)
{
    public static CiContext None { get; } = new(false, null, null, false, null);
}
