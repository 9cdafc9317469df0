using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Publish.GitHub;

namespace Release.Sdk.Publish.Tests.GitHub;

public sealed class GitHubOptionsTests
{
    private static GitHubOptions Read(string? settings = null, string? config = null) =>
        GitHubOptions.Read(new GitHubSettingsReader(
            settings is null ? null : JsonNode.Parse(settings)!.AsObject(),
            config is null ? null : JsonNode.Parse(config)!.AsObject()));

    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Defaults_follow_semantic_release()
    {
        var options = Read();

        Assert.Equal("The automated release is failing 🚨", options.FailTitle);
        Assert.Equal(["semantic-release"], options.FailLabels);
        Assert.Null(options.ReleasedLabels);
        Assert.Equal(AddReleasesPosition.None, options.AddReleases);
        Assert.False(options.Draft);
        Assert.False(options.Explicit);
    }

    [Fact]
    public void The_seed_releaserc_github_entry_maps_assets_labels_and_add_releases()
    {
        var options = Read(config: """
            {"plugins":["@semantic-release/commit-analyzer",["@semantic-release/github",{
              "assets":[{"path":"dist/*.whl","label":"Python Wheel"},{"path":"docs/api/openapi.json","label":"OpenAPI Specification"},"extra/*.txt",
                        {"path":["a/*.nupkg","b/*.nupkg"],"label":"Packages"}],
              "addReleases":"bottom","draftRelease":true,"labels":false,"releasedLabels":["shipped"]}]]}
            """);

        Assert.Equal(
            ["dist/*.whl|Python Wheel", "docs/api/openapi.json|OpenAPI Specification", "extra/*.txt|", "a/*.nupkg|Packages", "b/*.nupkg|Packages"],
            options.Assets.Select(a => $"{a.Pattern}|{a.Label}").ToArray());
        Assert.Equal(AddReleasesPosition.Bottom, options.AddReleases);
        Assert.True(options.Draft);
        Assert.Empty(options.FailLabels);
        Assert.Equal(["shipped"], options.ReleasedLabels);
        Assert.True(options.Explicit);
    }

    [Fact]
    public void MSBuild_settings_win_over_releaserc()
    {
        var options = Read(
            settings: """{"draft":"false","addReleases":"top","failTitle":"Broken","releasedLabels":"a;b","assets":[{"spec":"x.zip","path":"src/x.zip","assetLabel":"X"},{"spec":"y.zip","path":"y.zip","label":"Y"}]}""",
            config: """{"plugins":[["@semantic-release/github",{"draftRelease":true,"addReleases":"bottom","failTitle":"Other"}]]}""");

        Assert.False(options.Draft);
        Assert.Equal(AddReleasesPosition.Top, options.AddReleases);
        Assert.Equal("Broken", options.FailTitle);
        Assert.Equal(["a", "b"], options.ReleasedLabels);
        Assert.Equal(["src/x.zip|X", "y.zip|Y"], options.Assets.Select(a => $"{a.Pattern}|{a.Label}").ToArray());
    }

    [Theory]
    [InlineData("""{"addReleases":"middle"}""", null)]
    [InlineData("""{"draft":"maybe"}""", null)]
    [InlineData("""{"maxAttempts":"0"}""", null)]
    [InlineData(null, """{"plugins":[["@semantic-release/github",{"assets":[42]}]]}""")]
    [InlineData(null, """{"plugins":[["@semantic-release/github",{"successComment":7}]]}""")]
    public void Invalid_values_are_RSDK6005_naming_the_setting(string? settings, string? config)
    {
        var error = Assert.Throws<ReleaseException>(() => Read(settings, config));

        Assert.Equal("RSDK6005", error.Code);
        Assert.Contains("must be", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_javascript_template_is_RSDK6006()
    {
        var error = Assert.Throws<ReleaseException>(() => GitHubTemplate.Validate("Fixed in ${nextRelease.version.split('.')[0]}", "successComment"));

        Assert.Equal("RSDK6006", error.Code);
        Assert.Contains("${nextRelease.version}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Github_com_uses_api_github_com()
    {
        var target = GitHubTarget.Resolve("git@github.com:acme/widget.git", Read(), Env())!;

        Assert.Equal(("acme", "widget"), (target.Owner, target.Name));
        Assert.Equal("https://api.github.com/", target.ApiUrl.AbsoluteUri);
    }

    [Fact]
    public void Credentials_in_the_remote_are_not_kept()
    {
        var target = GitHubTarget.Resolve("https://x-access-token:secret@github.com/acme/widget", Read(), Env())!;

        Assert.Equal("https://github.com/acme/widget", target.WebUrl);
    }

    [Fact]
    public void Github_enterprise_derives_api_v3_when_configured_explicitly()
    {
        var options = Read(config: """{"plugins":["@semantic-release/github"]}""");

        var target = GitHubTarget.Resolve("https://ghe.example.com/acme/widget.git", options, Env())!;

        Assert.Equal("https://ghe.example.com/api/v3", target.ApiUrl.AbsoluteUri.TrimEnd('/'));
    }

    [Fact]
    public void Github_enterprise_on_its_own_actions_runner_uses_GITHUB_API_URL()
    {
        var env = Env(("GITHUB_SERVER_URL", "https://ghe.example.com"), ("GITHUB_API_URL", "https://ghe.example.com/api/v3"));

        var target = GitHubTarget.Resolve("https://ghe.example.com/acme/widget", Read(), env)!;

        Assert.Equal("https://ghe.example.com/api/v3", target.ApiUrl.AbsoluteUri);
    }

    [Fact]
    public void GithubUrl_and_prefix_of_releaserc_build_the_api_url()
    {
        var options = Read(config: """{"plugins":[["@semantic-release/github",{"githubUrl":"https://ghe.corp","githubApiPathPrefix":"/api/v3"}]]}""");

        Assert.Equal("https://ghe.corp/api/v3", options.ApiUrl);
    }

    [Fact]
    public void Another_host_without_github_settings_is_not_github()
    {
        Assert.Null(GitHubTarget.Resolve("https://gitlab.com/acme/widget", Read(), Env()));
        Assert.Null(GitHubTarget.Resolve(null, Read(), Env()));
    }

    [Fact]
    public void Releaserc_plugins_without_github_exclude_it()
    {
        var reader = new GitHubSettingsReader(null, JsonNode.Parse("""{"plugins":["@semantic-release/commit-analyzer"]}""")!.AsObject());

        Assert.True(reader.ExcludedByConfig);
        Assert.False(new GitHubSettingsReader(null, JsonNode.Parse("""{"branches":["main"]}""")!.AsObject()).ExcludedByConfig);
    }
}
