using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Publish.Tests.GitHub;

/// <summary>
/// Contract tests with injected faults: 5xx, secondary rate limits (403/429 with Retry-After), timeouts and broken
/// uploads are retried within the configured bounds; what does not pass becomes a coded error.
/// </summary>
public sealed class GitHubFaultContractTests : IDisposable
{
    private readonly FakeGitHub _server = new();
    private readonly GitHubRun _run;

    public GitHubFaultContractTests()
    {
        _run = new GitHubRun(_server);
        _run.WriteFile("artifacts/Widget.1.2.0.nupkg", "package v1");
        _run.Settings["assets"] = new JsonArray(new JsonObject { ["spec"] = "artifacts/*.nupkg", ["path"] = "artifacts/*.nupkg", ["label"] = "Package" });
    }

    public void Dispose()
    {
        Assert.Empty(_server.Bugs);
        _run.Dispose();
        _server.Dispose();
    }

    private const string UploadPath = "/repos/acme/widget/releases/\\d+/assets";

    [Fact]
    public void Contract_an_asset_upload_answered_500_on_the_first_try_is_retried_once()
    {
        _server.Inject("POST", UploadPath, FaultKind.ServerError);

        _run.Release();

        Assert.Equal(2, _server.Matching("POST", "/uploads" + UploadPath).Count);
        var asset = Assert.Single(_server.State.Releases[0].Assets);
        Assert.Equal("Package", asset.Label);
        Assert.Contains(_run.Log, l => l.Contains("HTTP 502", StringComparison.Ordinal) && l.Contains("attempt 2 of 4", StringComparison.Ordinal));
    }

    [Fact]
    public void Contract_a_dropped_upload_that_left_a_starter_asset_is_cleaned_up_by_the_retry()
    {
        _server.Inject("POST", UploadPath, FaultKind.BrokenUpload);

        _run.Release();

        var asset = Assert.Single(_server.State.Releases[0].Assets);
        Assert.Equal("uploaded", asset.State);
        Assert.Single(_server.Matching("DELETE", "/repos/acme/widget/releases/assets/\\d+"));
    }

    [Fact]
    public void Contract_a_secondary_rate_limit_403_is_retried_after_the_retry_after_seconds()
    {
        _server.Inject("POST", "/repos/acme/widget/releases", FaultKind.SecondaryRateLimit, retryAfterSeconds: 1);

        _run.Release();

        Assert.Equal(2, _server.Matching("POST", "/repos/acme/widget/releases").Count);
        Assert.Single(_server.State.Releases);
        Assert.Contains(_run.Log, l => l.Contains("HTTP 403", StringComparison.Ordinal) && l.Contains("retrying in 1.0 s", StringComparison.Ordinal));
    }

    [Fact]
    public void Contract_a_429_asking_for_a_longer_wait_than_allowed_fails_at_once_with_a_coded_error()
    {
        _server.Inject("POST", "/repos/acme/widget/releases", FaultKind.TooManyRequests, retryAfterSeconds: 600);

        var error = Assert.Throws<ReleaseException>(() => _run.Release());

        Assert.Equal("RSDK6012", error.Code);
        Assert.Contains("HTTP 429", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Matching("POST", "/repos/acme/widget/releases"));
    }

    [Fact]
    public void Contract_a_request_that_times_out_is_retried()
    {
        _run.Settings["timeout"] = "0.5";
        _server.Inject("GET", "/repos/acme/widget/releases", FaultKind.Timeout, delay: TimeSpan.FromSeconds(3));

        _run.Release();

        Assert.Equal(2, _server.Matching("GET", "/repos/acme/widget/releases").Count);
        Assert.Single(_server.State.Releases);
        Assert.Contains(_run.Log, l => l.Contains("timed out", StringComparison.Ordinal));
    }

    [Fact]
    public void Contract_a_server_that_keeps_failing_stops_after_max_attempts_with_RSDK6012()
    {
        _run.Settings["maxAttempts"] = "3";
        _server.Inject("POST", "/repos/acme/widget/releases", FaultKind.ServerError, times: 10);

        var error = Assert.Throws<ReleaseException>(() => _run.Release());

        Assert.Equal("RSDK6012", error.Code);
        Assert.Contains("creating the release v1.2.0", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _server.Matching("POST", "/repos/acme/widget/releases").Count);
        Assert.DoesNotContain(FakeGitHub.Token, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Contract_a_changed_asset_is_replaced_and_an_unchanged_one_kept(bool digests)
    {
        _server.State.AssetDigests = digests;
        _run.WriteFile("artifacts/notes.txt", "same");
        _run.Settings["assets"]!.AsArray().Add(new JsonObject { ["spec"] = "artifacts/notes.txt", ["path"] = "artifacts/notes.txt" });
        _run.Release();

        _run.WriteFile("artifacts/Widget.1.2.0.nupkg", "package v2");
        _run.Journal = new();
        _run.Release();

        var assets = _server.State.Releases[0].Assets;
        Assert.Equal("package v2", System.Text.Encoding.UTF8.GetString(assets.Single(a => a.Name == "Widget.1.2.0.nupkg").Content));
        Assert.Single(_server.Matching("DELETE", "/repos/acme/widget/releases/assets/\\d+"));
        Assert.Equal(3, _server.Matching("POST", "/uploads" + UploadPath).Count);
        // With a digest nothing is downloaded; without, the same-size candidate is (the changed one differs in size... or not).
        Assert.Equal(digests, _server.Matching("GET", "/repos/acme/widget/releases/assets/\\d+").Count == 0);
    }
}
