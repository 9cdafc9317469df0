using Release.Sdk.Engine.ReleaseRun;
using Release.Sdk.Git.Writing;

namespace Release.Sdk.Git.Tests.Writing;

public sealed class RemoteUrlsTests
{
    [Theory]
    [InlineData("https://x-access-token:ghs_abc@github.com/acme/tool.git", "https://github.com/acme/tool.git")]
    [InlineData("https://ghs_abc@github.com/acme/tool.git", "https://github.com/acme/tool.git")]
    [InlineData("HTTP://user:p%40ss@host:8080/a/b?x=1", "HTTP://host:8080/a/b?x=1")]
    [InlineData("https://github.com/acme/user@tool.git", "https://github.com/acme/user@tool.git")]
    [InlineData("ssh://git@github.com/acme/tool.git", "ssh://git@github.com/acme/tool.git")]
    [InlineData("ssh://git:secret@github.com/acme/tool.git", "ssh://github.com/acme/tool.git")]
    [InlineData("git@github.com:acme/tool.git", "git@github.com:acme/tool.git")]
    [InlineData("file:///tmp/origin", "file:///tmp/origin")]
    [InlineData("/tmp/origin", "/tmp/origin")]
    public void CredentialsAreStripped(string url, string expected) => Assert.Equal(expected, RemoteUrls.WithoutCredentials(url));

    [Fact]
    public void TokenGoesOnlyToHttpRemotesThroughScopedEnvironmentConfig()
    {
        var credentials = new GitCredentials("tok");

        Assert.Empty(GitCredentialEnvironment.For("git@github.com:acme/tool.git", credentials, _ => null));
        Assert.Empty(GitCredentialEnvironment.For("/tmp/origin", credentials, _ => null));
        Assert.Empty(GitCredentialEnvironment.For("https://github.com/acme/tool.git", null, _ => null));
        Assert.Empty(GitCredentialEnvironment.For("https://github.com/acme/tool.git", new GitCredentials(""), _ => null));

        var environment = GitCredentialEnvironment.For("https://u:p@github.com/acme/tool.git", credentials, _ => null);
        Assert.Equal(new Dictionary<string, string>
        {
            ["GIT_CONFIG_KEY_0"] = "http.https://github.com/acme/tool.git.extraHeader",
            ["GIT_CONFIG_VALUE_0"] = "",
            ["GIT_CONFIG_KEY_1"] = "http.https://github.com/acme/tool.git.extraHeader",
            ["GIT_CONFIG_VALUE_1"] = "AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46dG9r",
            ["GIT_CONFIG_COUNT"] = "2",
        }, environment);
    }

    [Fact]
    public void EnvironmentConfigTheBuildAlreadyHasIsKept()
    {
        var environment = GitCredentialEnvironment.For("https://github.com/acme/tool.git", new GitCredentials("tok"),
            name => name == "GIT_CONFIG_COUNT" ? "3" : null);

        Assert.Equal("5", environment["GIT_CONFIG_COUNT"]);
        Assert.Equal("", environment["GIT_CONFIG_VALUE_3"]);
        Assert.StartsWith("AUTHORIZATION: basic ", environment["GIT_CONFIG_VALUE_4"]);
        Assert.False(environment.ContainsKey("GIT_CONFIG_KEY_0"));
    }

    [Fact]
    public void RedactorMasksTokenHeaderAndUrlCredentials()
    {
        var redactor = new SecretRedactor(new GitCredentials("tok3n"));
        Assert.Equal("*** *** https://***@host/x", redactor.Redact("tok3n eC1hY2Nlc3MtdG9rZW46dG9rM24= https://a:b@host/x"));
        Assert.Equal("https://***@host/x", new SecretRedactor(null).Redact("https://a:b@host/x"));
    }
}
