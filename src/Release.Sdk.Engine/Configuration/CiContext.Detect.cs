namespace Release.Sdk.Engine.Configuration;

internal sealed partial record CiContext
{
    /// <summary>
    /// Reads the CI provider's variables the way env-ci (semantic-release's CI detection) does for the providers
    /// Release.Sdk supports; the branch is the source branch for pull/merge requests.
    /// </summary>
    public static CiContext Detect(IReadOnlyDictionary<string, string?> environment)
    {
        string? Get(string name) => environment.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : null;

        if (Get("GITHUB_ACTIONS") is not null) return GitHubActions(Get);
        if (Get("TF_BUILD") is not null || Get("BUILD_BUILDURI") is not null) return AzurePipelines(Get);
        if (Get("GITLAB_CI") is not null) return GitLab(Get);
        var ci = Get("CI");
        return ci is not null && !ci.Equals("false", StringComparison.OrdinalIgnoreCase) && ci != "0"
            ? new CiContext(true, "generic", null, false, null)
            : None;
    }

    private static CiContext GitHubActions(Func<string, string?> get)
    {
        // pull_request, pull_request_target, pull_request_review…: all run for a PR (env-ci knows only the first two).
        var isPullRequest = get("GITHUB_EVENT_NAME")?.StartsWith("pull_request", StringComparison.Ordinal) ?? false;
        // GITHUB_REF_NAME is the tag's name on a tag push; a tag build names no branch.
        var isTag = get("GITHUB_REF_TYPE") == "tag" || (get("GITHUB_REF")?.StartsWith("refs/tags/", StringComparison.Ordinal) ?? false);
        var branch = isPullRequest
            ? get("GITHUB_HEAD_REF")
            : isTag ? null : get("GITHUB_REF_NAME") ?? StripHeads(get("GITHUB_REF"));
        return new CiContext(true, "github", branch, isPullRequest, get("GITHUB_OUTPUT"));
    }

    private static CiContext AzurePipelines(Func<string, string?> get)
    {
        var isPullRequest = get("BUILD_REASON") == "PullRequest" || get("SYSTEM_PULLREQUEST_PULLREQUESTID") is not null;
        // The source branch of a PR comes in either the long (refs/heads/x) or the short form.
        var branch = isPullRequest
            ? StripHeads(get("SYSTEM_PULLREQUEST_SOURCEBRANCH"))
            : get("BUILD_SOURCEBRANCH") is { } source && !source.StartsWith("refs/tags/", StringComparison.Ordinal) ? StripHeads(source) : null;
        return new CiContext(true, "azure-pipelines", branch, isPullRequest, null);
    }

    private static CiContext GitLab(Func<string, string?> get)
    {
        var isPullRequest = get("CI_MERGE_REQUEST_IID") is not null || get("CI_MERGE_REQUEST_ID") is not null;
        var branch = isPullRequest
            ? get("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME")
            : get("CI_COMMIT_TAG") is not null ? null : get("CI_COMMIT_BRANCH") ?? get("CI_COMMIT_REF_NAME");
        return new CiContext(true, "gitlab", branch, isPullRequest, null);
    }

    private static string? StripHeads(string? reference) =>
        reference is null ? null
        : reference.StartsWith("refs/heads/", StringComparison.OrdinalIgnoreCase) ? reference["refs/heads/".Length..]
        : reference.StartsWith("refs/", StringComparison.Ordinal) ? null
        : reference;
}
