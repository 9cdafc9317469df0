namespace Release.Sdk.Publish.GitHub;

/// <summary>
/// A release asset as GET /repos/{owner}/{repo}/releases/{id}/assets returns it, with the <c>digest</c>
/// ("sha256:…") that newer API versions add and Octokit's model lacks. Public with setters for Octokit's deserializer.
/// </summary>
public sealed class GitHubAssetInfo
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string? Label { get; set; }
    public string State { get; set; } = "";
    public long Size { get; set; }
    public string? Digest { get; set; }
    public string Url { get; set; } = "";
    public string? BrowserDownloadUrl { get; set; }
}
