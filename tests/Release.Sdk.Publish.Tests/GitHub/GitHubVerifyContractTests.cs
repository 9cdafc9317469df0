using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Publish.GitHub;

namespace Release.Sdk.Publish.Tests.GitHub;

/// <summary>Contract tests of verify conditions: token, repository access, and when the plugin stays out of the run.</summary>
public sealed class GitHubVerifyContractTests : IDisposable
{
    private readonly FakeGitHub _server = new();
    private readonly GitHubRun _run;

    public GitHubVerifyContractTests() => _run = new GitHubRun(_server);

    public void Dispose()
    {
        Assert.Empty(_server.Bugs);
        _run.Dispose();
        _server.Dispose();
    }

    [Fact]
    public void A_missing_token_stops_a_real_run_with_RSDK6001_before_any_request()
    {
        _run.Environment.Clear();

        var error = Assert.Throws<ReleaseException>(() => new GitHubPlugin().VerifyConditions(_run.Context()));

        Assert.Equal("RSDK6001", error.Code);
        Assert.Contains("GITHUB_TOKEN or GH_TOKEN", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void A_dry_run_without_token_warns_RSDK6002_and_contacts_nothing()
    {
        _run.Environment.Clear();
        _run.DryRun = true;

        new GitHubPlugin().VerifyConditions(_run.Context());

        Assert.Equal("RSDK6002", Assert.Single(_run.Warnings).Code);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void Contract_the_token_is_read_from_the_named_variable_and_GH_TOKEN()
    {
        _run.Environment.Clear();
        _run.Environment["GH_TOKEN"] = FakeGitHub.Token;
        new GitHubPlugin().VerifyConditions(_run.Context());

        _run.Environment.Clear();
        _run.Environment["RELEASE_BOT_TOKEN"] = FakeGitHub.Token;
        _run.Settings["tokenVariable"] = "RELEASE_BOT_TOKEN";
        new GitHubPlugin().VerifyConditions(_run.Context());

        Assert.Equal(2, _server.Matching("GET", "/repos/acme/widget").Count);
    }

    [Fact]
    public void Contract_a_token_that_cannot_push_is_RSDK6004()
    {
        _server.State.CanPush = false;

        var error = Assert.Throws<ReleaseException>(() => new GitHubPlugin().VerifyConditions(_run.Context()));

        Assert.Equal("RSDK6004", error.Code);
        Assert.Single(_server.Matching("GET", "/installation/repositories"));
    }

    [Fact]
    public void Contract_an_installation_token_without_a_permissions_object_passes()
    {
        _server.State.CanPush = null;

        new GitHubPlugin().VerifyConditions(_run.Context());

        Assert.Single(_server.Matching("GET", "/repos/acme/widget"));
    }

    [Fact]
    public void Contract_a_wrong_token_is_reported_without_the_token()
    {
        _run.Environment["GITHUB_TOKEN"] = "ghp_wrongTokenValue42";

        var error = Assert.Throws<ReleaseException>(() => new GitHubPlugin().VerifyConditions(_run.Context()));

        Assert.Equal("RSDK6004", error.Code);
        Assert.Contains("HTTP 401", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_wrongTokenValue42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repository_not_on_github_without_github_settings_keeps_the_plugin_out()
    {
        _run.RepositoryUrl = "https://gitlab.com/acme/widget.git";
        _run.Settings.Remove("apiUrl");

        _run.Release();
        _run.Fail(new ReleaseException(DiagnosticCatalog.HookFailed, "boom"));

        Assert.Empty(_server.Requests);
        Assert.Contains(_run.Log, l => l.Contains("not on GitHub", StringComparison.Ordinal));
    }

    [Fact]
    public void A_remote_without_owner_and_repository_is_RSDK6003_when_github_is_configured()
    {
        _run.RepositoryUrl = "/srv/git/widget.git";

        var error = Assert.Throws<ReleaseException>(() => new GitHubPlugin().VerifyConditions(_run.Context()));

        Assert.Equal("RSDK6003", error.Code);
    }

    [Fact]
    public void A_dry_run_of_a_clone_with_a_local_origin_warns_RSDK6013_instead_of_failing()
    {
        _run.RepositoryUrl = "/srv/git/widget.git";
        _run.DryRun = true;

        _run.Release();

        Assert.Equal("RSDK6013", Assert.Single(_run.Warnings).Code);
        Assert.Empty(_server.Requests);
    }
}
