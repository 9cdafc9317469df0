using System.Text.Json.Nodes;
using Release.Sdk.Publish.GitHub;

namespace Release.Sdk.Publish.Tests.GitHub;

/// <summary>Contract tests: the GitHub plugin's publish step against the local GitHub REST contract server.</summary>
public sealed class GitHubReleaseContractTests : IDisposable
{
    private readonly FakeGitHub _server = new();
    private readonly GitHubRun _run;

    public GitHubReleaseContractTests() => _run = new GitHubRun(_server);

    public void Dispose()
    {
        Assert.Empty(_server.Bugs);
        _run.Dispose();
        _server.Dispose();
    }

    [Fact]
    public void Contract_first_release_creates_the_release_with_notes_and_uploads_the_assets_with_labels()
    {
        _run.WriteFile("artifacts/Widget.1.2.0.nupkg", "package bytes");
        _run.WriteFile("artifacts/Widget.1.2.0.snupkg", "symbols");
        _run.WriteFile("docs/api/openapi.json", "{\"openapi\":\"3.1.0\"}");
        _run.Settings["assets"] = new JsonArray(new JsonObject { ["spec"] = "artifacts/*.nupkg", ["path"] = "artifacts/*.nupkg", ["label"] = "NuGet package" });
        _run.Config = JsonNode.Parse("""{"plugins":[["@semantic-release/github",{"assets":[{"path":"artifacts/*.snupkg","label":"Symbols"}]}]]}""")!.AsObject();

        _run.Release();

        var create = Assert.Single(_server.Matching("POST", "/repos/acme/widget/releases"));
        var body = create.Json!.AsObject();
        Assert.Equal("v1.2.0", (string?)body["tag_name"]);
        Assert.Equal("v1.2.0", (string?)body["name"]);
        Assert.Equal(_run.Notes, (string?)body["body"]);
        Assert.Equal("main", (string?)body["target_commitish"]);
        Assert.False((bool)body["draft"]!);
        Assert.False((bool)body["prerelease"]!);

        var release = Assert.Single(_server.State.Releases);
        Assert.Equal(
            ["NuGet package:Widget.1.2.0.nupkg", "OpenAPI Specification:openapi.json", "Symbols:Widget.1.2.0.snupkg"],
            release.Assets.Select(a => $"{a.Label}:{a.Name}").Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("package bytes", System.Text.Encoding.UTF8.GetString(release.Assets.Single(a => a.Name.EndsWith(".nupkg", StringComparison.Ordinal)).Content));
        var upload = _server.Matching("POST", "/uploads/repos/acme/widget/releases/\\d+/assets").First();
        Assert.Contains("name=", upload.Query, StringComparison.Ordinal);
        Assert.Equal("application/zip", _server.State.Releases[0].Assets.Single(a => a.Name.EndsWith(".nupkg", StringComparison.Ordinal)).ContentType);
        Assert.Equal("https://github.com/acme/widget/releases/tag/v1.2.0", _run.Outputs["release-url"]);
        Assert.True(_run.Journal.IsDone("github:release"));
    }

    [Fact]
    public void Contract_every_request_carries_the_token_api_version_user_agent_and_accept_headers_and_the_token_is_never_logged()
    {
        _run.WriteFile("docs/api/openapi.json", "{}");
        _run.AddCommit("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678", "fix: crash\n\nCloses #1");
        _server.State.AddIssue(1, "Crash");

        _run.Release();

        Assert.NotEmpty(_server.Requests);
        Assert.All(_server.Requests, r =>
        {
            Assert.Equal("Bearer " + FakeGitHub.Token, r.Header("Authorization"));
            Assert.Equal("2022-11-28", r.Header("X-GitHub-Api-Version"));
            Assert.StartsWith("Release.Sdk/", r.Header("User-Agent"), StringComparison.Ordinal);
            Assert.Matches("application/(vnd\\.github|json|octet-stream)", r.Header("Accept"));
        });
        Assert.DoesNotContain(_run.Log, line => line.Contains(FakeGitHub.Token, StringComparison.Ordinal));
    }

    [Fact]
    public void Contract_a_prerelease_channel_marks_the_release_as_prerelease()
    {
        _run.Version = "2.0.0-beta.1";
        _run.Channel = "beta";
        _run.Branch = "beta";

        _run.Release();

        var body = Assert.Single(_server.Matching("POST", "/repos/acme/widget/releases")).Json!;
        Assert.True((bool)body["prerelease"]!);
        Assert.Equal("beta", (string?)body["target_commitish"]);
        Assert.True(_server.State.Releases[0].Prerelease);
    }

    [Fact]
    public void Contract_draft_option_and_name_template_are_sent_and_a_rerun_finds_the_untagged_draft_instead_of_creating_another()
    {
        _run.Settings["draft"] = "true";
        _run.Settings["releaseName"] = "Widget ${nextRelease.version}";

        _run.Release();
        _run.Journal = new();
        _run.Release();

        var release = Assert.Single(_server.State.Releases);
        Assert.True(release.Draft);
        Assert.Equal("Widget 1.2.0", release.Name);
        Assert.Single(_server.Matching("POST", "/repos/acme/widget/releases"));
        Assert.Single(_server.Matching("PATCH", "/repos/acme/widget/releases/\\d+"));
    }

    [Fact]
    public void Contract_add_releases_bottom_links_the_other_releases_of_the_same_major_line()
    {
        foreach (var tag in new[] { "v0.9.0", "v1.0.0", "v1.1.0" })
            _server.State.Releases.Add(new FakeRelease { Id = _server.State.NextId(), TagName = tag, Name = tag });
        _run.Config = JsonNode.Parse("""{"plugins":[["@semantic-release/github",{"addReleases":"bottom"}]]}""")!.AsObject();

        _run.Release();

        var body = _server.State.Releases.Single(r => r.TagName == "v1.2.0").Body!;
        Assert.StartsWith(_run.Notes + "\n\n---\n\n#### :gift: Other releases of 1.x", body, StringComparison.Ordinal);
        Assert.Contains("- [v1.1.0](https://github.com/acme/widget/releases/tag/v1.1.0)", body, StringComparison.Ordinal);
        Assert.Contains("- [v1.0.0](", body, StringComparison.Ordinal);
        Assert.DoesNotContain("v0.9.0", body, StringComparison.Ordinal);
        Assert.True(body.IndexOf("v1.1.0", StringComparison.Ordinal) < body.IndexOf("v1.0.0", StringComparison.Ordinal), "newest first");
    }

    [Fact]
    public void Contract_github_enterprise_server_is_addressed_under_api_v3()
    {
        using var ghe = new FakeGitHub("/api/v3");
        using var run = new GitHubRun(ghe) { RepositoryUrl = "https://ghe.example.com/acme/widget.git" };
        run.Settings["apiUrl"] = $"http://127.0.0.1:{ghe.Port}/api/v3";

        run.Release();

        Assert.Single(ghe.State.Releases);
        Assert.All(ghe.Requests, r => Assert.StartsWith("/api/v3/", r.Path, StringComparison.Ordinal));
        Assert.Equal("https://github.com/acme/widget/releases/tag/v1.2.0", run.Outputs["release-url"]);
    }

    [Fact]
    public void Contract_dry_run_contacts_nothing()
    {
        _run.DryRun = true;

        _run.Release();

        Assert.Empty(_server.Requests);
        Assert.False(_run.Outputs.ContainsKey("release-url"));
    }
}
