using Release.Sdk.Engine.Notes;

namespace Release.Sdk.Engine.Tests.Notes;

/// <summary>Remote URLs read the way release-notes-generator 14.1.1 reads them (expected values computed with its code in Node).</summary>
public sealed class RepositoryUrlTests
{
    [Theory]
    [InlineData("git@github.com:acme/widget.git", "https://github.com", "github.com", "acme", "widget")]
    [InlineData("https://user:s3cret@github.com/acme/widget.git", "https://github.com", "github.com", "acme", "widget")]
    [InlineData("https://x-access-token:abc@github.com/acme/widget", "https://github.com", "github.com", "acme", "widget")]
    [InlineData("https://github.com/acme/widget", "https://github.com", "github.com", "acme", "widget")]
    [InlineData("https://gitlab.com/group/sub/widget.git", "https://gitlab.com", "gitlab.com", "group", "sub/widget")]
    [InlineData("http://git.local:8080/acme/widget", "http://git.local:8080", "git.local", "acme", "widget")]
    [InlineData("ssh://git@git.example.org:2222/acme/widget.git", "https://git.example.org", "git.example.org", "acme", "widget")]
    [InlineData("https://dev.azure.com/acme/proj/_git/widget", "https://dev.azure.com", "dev.azure.com", "acme", "proj/_git/widget")]
    [InlineData("git@ssh.dev.azure.com:v3/acme/proj/widget", "https://ssh.dev.azure.com", "ssh.dev.azure.com", "v3", "acme/proj/widget")]
    [InlineData("https://bitbucket.org/acme/widget.GIT", "https://bitbucket.org", "bitbucket.org", "acme", "widget")]
    [InlineData("https://git.example.org/widget", "https://git.example.org", "git.example.org", "widget", null)]
    [InlineData("git+https://github.com/acme/widget.git", "https://github.com", "github.com", "acme", "widget")]
    [InlineData("https://GitHub.com/Acme/Widget", "https://github.com", "github.com", "Acme", "Widget")]
    [InlineData("https://example.com:443/acme/widget", "https://example.com", "example.com", "acme", "widget")]
    [InlineData("github.com:acme/widget", "https://github.com", "github.com", "acme", "widget")]
    public void RemoteIsReadLikeReleaseNotesGenerator(string remote, string host, string hostname, string? owner, string? repository)
    {
        var url = RepositoryUrl.Parse(remote);

        Assert.Equal(new RepositoryUrl(host, hostname, owner, repository), url);
    }

    [Theory]
    [InlineData("https://user:s3cret@github.com/acme/widget.git")]
    [InlineData("https://oauth2:glpat-XYZ@gitlab.com/acme/widget.git")]
    public void CredentialsNeverReachTheLinks(string remote)
    {
        var url = RepositoryUrl.Parse(remote)!;

        Assert.DoesNotContain("@", url.WebUrl, StringComparison.Ordinal);
        Assert.DoesNotContain(":s3cret", url.WebUrl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://github.com/acme/widget", "GitHub")]
    [InlineData("git@gitlab.com:acme/widget.git", "GitLab")]
    [InlineData("https://bitbucket.org/acme/widget", "Bitbucket")]
    [InlineData("https://dev.azure.com/acme/proj/_git/widget", "AzureDevOps")]
    [InlineData("https://acme.visualstudio.com/proj/_git/widget", "AzureDevOps")]
    [InlineData("https://gitlab.example.com/acme/widget", "Other")]
    public void HostKindFollowsTheHostName(string remote, string kind)
    {
        Assert.Equal(Enum.Parse<HostKind>(kind), RepositoryUrl.Parse(remote)!.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not a url")]
    public void NonUrlsGiveNull(string? remote)
    {
        Assert.Null(RepositoryUrl.Parse(remote));
    }
}
