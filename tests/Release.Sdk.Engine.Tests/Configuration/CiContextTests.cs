using Release.Sdk.Engine.Configuration;

namespace Release.Sdk.Engine.Tests.Configuration;

public sealed class CiContextTests
{
    private static CiContext Detect(params (string Key, string? Value)[] variables) =>
        CiContext.Detect(variables.ToDictionary(v => v.Key, v => v.Value));

    [Fact]
    public void NoVariablesIsNotCi()
    {
        Assert.Equal(CiContext.None, Detect());
    }

    [Fact]
    public void GitHubPushTakesTheRefName()
    {
        var ci = Detect(("GITHUB_ACTIONS", "true"), ("GITHUB_EVENT_NAME", "push"), ("GITHUB_REF", "refs/heads/release/1.x"),
            ("GITHUB_REF_NAME", "release/1.x"), ("GITHUB_OUTPUT", "/tmp/out"));

        Assert.Equal(new CiContext(true, "github", "release/1.x", false, "/tmp/out"), ci);
    }

    [Fact]
    public void GitHubPushWithoutRefNameParsesTheRef()
    {
        Assert.Equal("main", Detect(("GITHUB_ACTIONS", "true"), ("GITHUB_REF", "refs/heads/main")).BranchName);
    }

    [Theory]
    [InlineData("pull_request")]
    [InlineData("pull_request_target")]
    [InlineData("pull_request_review")]
    public void GitHubPullRequestTakesTheHeadRef(string eventName)
    {
        var ci = Detect(("GITHUB_ACTIONS", "true"), ("GITHUB_EVENT_NAME", eventName), ("GITHUB_REF", "refs/pull/7/merge"),
            ("GITHUB_REF_NAME", "7/merge"), ("GITHUB_HEAD_REF", "feature/x"), ("GITHUB_BASE_REF", "main"));

        Assert.True(ci.IsPullRequest);
        Assert.Equal("feature/x", ci.BranchName);
    }

    [Fact]
    public void GitHubTagPushNamesNoBranch()
    {
        var ci = Detect(("GITHUB_ACTIONS", "true"), ("GITHUB_EVENT_NAME", "push"), ("GITHUB_REF", "refs/tags/v1.2.3"),
            ("GITHUB_REF_NAME", "v1.2.3"), ("GITHUB_REF_TYPE", "tag"));

        Assert.Null(ci.BranchName);
        Assert.False(ci.IsPullRequest);
    }

    [Fact]
    public void AzurePipelinesTakesTheSourceBranch()
    {
        var ci = Detect(("TF_BUILD", "True"), ("BUILD_SOURCEBRANCH", "refs/heads/feature/a"), ("BUILD_SOURCEBRANCHNAME", "a"), ("BUILD_REASON", "IndividualCI"));

        Assert.Equal(new CiContext(true, "azure-pipelines", "feature/a", false, null), ci);
    }

    [Theory]
    [InlineData("refs/heads/topic/b")]
    [InlineData("topic/b")]
    public void AzurePullRequestTakesThePullRequestSourceBranch(string source)
    {
        var ci = Detect(("TF_BUILD", "True"), ("BUILD_REASON", "PullRequest"), ("BUILD_SOURCEBRANCH", "refs/pull/3/merge"),
            ("SYSTEM_PULLREQUEST_SOURCEBRANCH", source), ("SYSTEM_PULLREQUEST_PULLREQUESTID", "3"));

        Assert.True(ci.IsPullRequest);
        Assert.Equal("topic/b", ci.BranchName);
    }

    [Fact]
    public void AzureTagBuildNamesNoBranch()
    {
        Assert.Null(Detect(("TF_BUILD", "True"), ("BUILD_SOURCEBRANCH", "refs/tags/v1.0.0")).BranchName);
    }

    [Fact]
    public void GitLabBranchPipelineTakesTheRefName()
    {
        var ci = Detect(("GITLAB_CI", "true"), ("CI", "true"), ("CI_COMMIT_REF_NAME", "1.x"));

        Assert.Equal(new CiContext(true, "gitlab", "1.x", false, null), ci);
    }

    [Fact]
    public void GitLabMergeRequestTakesTheSourceBranch()
    {
        var ci = Detect(("GITLAB_CI", "true"), ("CI_COMMIT_REF_NAME", "feature/z"), ("CI_MERGE_REQUEST_IID", "12"),
            ("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "feature/z"), ("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"));

        Assert.True(ci.IsPullRequest);
        Assert.Equal("feature/z", ci.BranchName);
    }

    [Fact]
    public void GitLabTagPipelineNamesNoBranch()
    {
        Assert.Null(Detect(("GITLAB_CI", "true"), ("CI_COMMIT_REF_NAME", "v1.0.0"), ("CI_COMMIT_TAG", "v1.0.0")).BranchName);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("", false)]
    public void GenericCiVariable(string value, bool isCi)
    {
        var expected = isCi ? new CiContext(true, "generic", null, false, null) : CiContext.None;

        Assert.Equal(expected, Detect(("CI", value)));
    }
}
