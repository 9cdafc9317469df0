using System.Diagnostics;
using System.Text.Json.Nodes;
using Release.Sdk.Notify.Tests.Servers;
using Release.Sdk.Publish.Tests.GitHub;
using Release.Sdk.TestKit;

namespace Release.Sdk.Cli.Tests.ReleaseRun;

/// <summary>
/// Contract end-to-end test of issue 5: a sample repository with the seed's full .releaserc.json (its
/// @semantic-release/github assets mapped to .NET outputs: a real `dotnet pack`ed .nupkg and docs/api/openapi.json)
/// released by `dotnet-release release --settings …` against a local bare origin, the GitHub REST contract server
/// (FakeGitHub), a local NuGet folder feed, a real SMTP server in-process on 127.0.0.1 and a local webhook. Everything
/// must arrive exactly once, also after injected failures and the reruns CI would do.
/// </summary>
[Trait("Category", "E2E")]
public sealed class FullReleaseEndToEndTests
{
    [Fact]
    public async Task Contract_full_release_arrives_exactly_once_and_reruns_add_nothing()
    {
        await using var e2e = new FullRelease();
        // The asset upload fails once (502) and is retried inside the same run.
        var flaky = e2e.GitHub.Inject("POST", "/repos/acme/widget/releases/\\d+/assets", FaultKind.ServerError, times: 1);

        var run = e2e.Release().ShouldExit(0);

        Assert.Equal(1, flaky.Hits);
        Assert.DoesNotContain(FakeGitHub.Token, run.StdOut + run.StdErr, StringComparison.Ordinal);
        e2e.AssertReleasedExactlyOnce();

        // A plain rerun and a CI-style rerun (fresh checkout of the original sha) change nothing anywhere.
        e2e.Release().ShouldExit(0);
        e2e.CiRerun().ShouldExit(0);
        e2e.AssertReleasedExactlyOnce();
        Assert.Equal(["release-succeeded"], e2e.HookEvents);
        Assert.Single(e2e.Smtp.Messages);
    }

    [Fact]
    public async Task Contract_crash_after_the_github_release_was_created_is_completed_by_the_rerun_without_duplicates()
    {
        await using var e2e = new FullRelease();
        // GitHub breaks right after the release was created: every upload (and so the github publish step) fails.
        var outage = e2e.GitHub.Inject("POST", "/repos/acme/widget/releases/\\d+/assets", FaultKind.ServerError, times: 1000);

        var failed = e2e.Release().ShouldExit(1);

        Assert.Contains("RSDK60", failed.StdErr, StringComparison.Ordinal);
        var created = Assert.Single(e2e.GitHub.State.Releases);
        Assert.Empty(created.Assets);
        Assert.True(e2e.OriginHas("v1.1.0"), "the tag was pushed before publishing");
        Assert.Empty(e2e.SuccessEmails);
        Assert.Equal(["release-failed"], e2e.HookEvents);
        var failure = Assert.Single(e2e.GitHub.State.Issues.Values, i => i.Title == "The automated release is failing 🚨");
        // The failed run mailed its failure once (notify's fail step); no success mail yet.
        Assert.Contains("Release failed: 1.1.0", Assert.Single(e2e.Smtp.Messages).Subject, StringComparison.Ordinal);

        outage.Times = 0; // GitHub is back.
        e2e.CiRerun().ShouldExit(0);
        e2e.AssertReleasedExactlyOnce();
        Assert.Same(created, Assert.Single(e2e.GitHub.State.Releases));
        Assert.Equal("closed", failure.State);
        Assert.Equal(2, e2e.Smtp.Messages.Count); // the failure mail of the first run + the one success mail

        e2e.CiRerun().ShouldExit(0);
        e2e.AssertReleasedExactlyOnce();
        // The failed run reported its failure once; the completing rerun reported the success once.
        Assert.Equal(["release-failed", "release-succeeded"], e2e.HookEvents);
    }

    [Fact]
    public async Task Contract_smtp_down_is_a_warning_the_release_still_succeeds_and_the_rerun_does_not_resend()
    {
        await using var e2e = new FullRelease();
        await e2e.StopSmtp(); // Nobody listens on the SMTP port any more: connections are refused.

        var run = e2e.Release().ShouldExit(0);

        Assert.Contains("RSDK6501", run.StdErr, StringComparison.Ordinal); // a notifier could not deliver: a warning, not an error
        Assert.Contains("release-mail", run.StdErr, StringComparison.Ordinal);
        Assert.Single(e2e.GitHub.State.Releases);
        Assert.Equal(["release-succeeded"], e2e.HookEvents);
        Assert.Single(e2e.FeedPackages());

        // The journal marked the release completed although the email failed: failed notifiers are not retried by a
        // rerun (current design — a notifier never fails a release, and the run's success step is done once). The
        // rerun, with the SMTP server up again, sends nothing and duplicates nothing.
        await using var smtpAgain = new InProcessSmtpServer();
        e2e.WriteSettings(smtpAgain.Port);
        var rerun = e2e.CiRerun().ShouldExit(0);
        Assert.Contains("publish and success steps are complete", rerun.StdOut, StringComparison.Ordinal);
        Assert.Empty(smtpAgain.Messages);
        Assert.Equal(["release-succeeded"], e2e.HookEvents);
        Assert.Single(e2e.GitHub.State.Releases);
        Assert.Single(e2e.FeedPackages());
    }
}

/// <summary>
/// The sample repository (seed .releaserc.json, python exec hooks as the seed has them, a packed .nupkg in artifacts/,
/// docs/api/openapi.json, commits referencing #12 and #13) and the local servers it is released against.
/// </summary>
internal sealed class FullRelease : IAsyncDisposable
{
    private const string OpenApi = """{"openapi":"3.1.0","info":{"title":"Widget","version":"1.1.0"},"paths":{}}""";
    private readonly ReleaseRepos _repos = new();
    private readonly string _original;
    private readonly string _feed;
    private bool _smtpStopped;

    public FakeGitHub GitHub { get; } = new();
    public InProcessSmtpServer Smtp { get; } = new();
    public RecordingWebhook Hook { get; } = new();

    public FullRelease()
    {
        _feed = Path.Combine(_repos.Work.Path, "..", $"feed-{Guid.NewGuid():N}");
        _repos.Write(".releaserc.json", SeedReleaseRcForDotNet());
        _repos.Write(".gitignore", "obj/\nartifacts/\n");
        _repos.Write("pyproject.toml", "[project]\nname = \"widget\"\nversion = \"1.0.0\"\n");
        _repos.Write("sql_synthesizer/__init__.py", "__version__ = \"1.0.0\"\n");
        _repos.Write("scripts/pre-release-checks.py", "import sys\nassert sys.argv[1] == '1.1.0', sys.argv\n");
        _repos.Write("scripts/update-version.py", """
            import re, sys
            v = sys.argv[1]
            for path, pattern, text in [("pyproject.toml", r'version = "[^"]+"', f'version = "{v}"'),
                                        ("sql_synthesizer/__init__.py", r'__version__ = "[^"]+"', f'__version__ = "{v}"')]:
                s = open(path).read()
                open(path, "w").write(re.sub(pattern, text, s))
            """);
        // publish and success hooks append to an ignored log, so the test can count how often each ran.
        _repos.Write("scripts/publish-release.py", "import sys, os\nos.makedirs('obj', exist_ok=True)\nopen('obj/hooks.log', 'a').write(f'publish {sys.argv[1]}\\n')\n");
        _repos.Write("scripts/post-release-actions.py", "import sys, os\nos.makedirs('obj', exist_ok=True)\nopen('obj/hooks.log', 'a').write(f'success {sys.argv[1]}\\n')\n");
        _repos.Write("docs/api/openapi.json", OpenApi);
        _repos.Work.Git("add", "-A");
        _repos.Work.Commit("build: the seed's release configuration", "build.txt");
        _repos.Work.Commit("fix: reject negative sizes (#12)", "src/sizes.txt");
        _repos.Work.Commit("feat: stream large files\n\nCloses #13", "src/stream.txt");
        _repos.Work.Git("push", "-q", "origin", "main");
        _original = _repos.Work.Head;

        var released = _repos.Work.Git("log", "--format=%H%x1f%B%x1e", "v1.0.0..HEAD")
            .Split('\x1e', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => entry.Split('\x1f')).Select(parts => (parts[0], parts[1].Trim())).Reverse().ToList();
        GitHub.State.AddIssue(12, "Negative sizes are accepted");
        GitHub.State.AddIssue(13, "Large files run out of memory");
        GitHub.State.Compares["v1.0.0...v1.1.0"] = released;

        var artifacts = Path.Combine(_repos.Work.Path, "artifacts");
        Directory.CreateDirectory(artifacts);
        File.Copy(PackedWidget.Path, Path.Combine(artifacts, System.IO.Path.GetFileName(PackedWidget.Path)));

        var env = _repos.Environment;
        env["GITHUB_TOKEN"] = FakeGitHub.Token;
        env["NUGET_HTTP_CACHE_PATH"] = Path.Combine(_repos.Work.Path, "obj", "nuget-http-cache"); // deleted with the repository
        env["DOTNET_CLI_UI_LANGUAGE"] = "en";
        env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        env["DOTNET_NOLOGO"] = "1";
        env.Remove("NUGET_API_KEY");
        WriteSettings(Smtp.Port);
    }

    public IReadOnlyList<MimeKit.MimeMessage> SuccessEmails =>
        Smtp.Messages.Where(m => (m.Subject ?? "").Contains("1.1.0", StringComparison.Ordinal) && !(m.Subject ?? "").Contains("fail", StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>The settings file the Release target would write: repository, github, nuget and notify sections.</summary>
    public void WriteSettings(int smtpPort)
    {
        var package = Path.Combine(_repos.Work.Path, "artifacts", System.IO.Path.GetFileName(PackedWidget.Path));
        _repos.Settings($$"""
              "repositoryUrl": "https://github.com/acme/widget",
              "plugins": {
                "github": { "enabled": "true", "apiUrl": "{{GitHub.ApiUrl}}", "maxAttempts": "2", "retryDelayMs": "10", "timeout": "5" },
                "nuget": { "source": "{{_feed}}", "timeout": "60",
                  "packages": [ { "spec": "artifacts/{{System.IO.Path.GetFileName(package)}}", "path": "{{package}}" } ] },
                "notify": { "projectName": "Widget", "notifiers": [
                  { "spec": "release-mail", "kind": "email", "host": "127.0.0.1", "port": "{{smtpPort}}", "security": "none",
                    "from": "release@example.com", "to": "team@example.com", "timeout": "2" },
                  { "spec": "ops", "kind": "webhook", "url": "{{Hook.Url}}", "timeout": "2" } ] }
              }
            """);
    }

    public CliRun Release() => _repos.Release();

    public async Task StopSmtp()
    {
        _smtpStopped = true;
        await Smtp.DisposeAsync();
    }

    /// <summary>The "event" of each webhook call, in arrival order.</summary>
    public IReadOnlyList<string> HookEvents => Hook.Bodies.Select(b => JsonNode.Parse(b)!["event"]!.GetValue<string>()).ToList();

    /// <summary>What a re-run CI job does: a fresh checkout of the sha it was started for (no local release tag).</summary>
    public CliRun CiRerun()
    {
        _repos.Work.Git("reset", "-q", "--hard", _original);
        if (_repos.Work.Git("tag", "-l", "v1.1.0").Length > 0) _repos.Work.Git("tag", "-d", "v1.1.0");
        return _repos.Release();
    }

    public bool OriginHas(string reference) => _repos.OriginHas(reference);

    public IReadOnlyList<string> FeedPackages() =>
        Directory.Exists(_feed) ? Directory.GetFiles(_feed, "*.nupkg", SearchOption.AllDirectories) : [];

    public void AssertReleasedExactlyOnce()
    {
        // Git: the release commit and the tag are on origin, main points at the release commit.
        var tagged = _repos.OriginRef("v1.1.0");
        Assert.Equal(tagged, _repos.OriginRef("main"));
        Assert.StartsWith("chore(release): 1.1.0 [skip ci]", _repos.Origin.Git("log", "-1", "--format=%B", tagged), StringComparison.Ordinal);
        Assert.Contains("version = \"1.1.0\"", _repos.Origin.Git("show", "v1.1.0:pyproject.toml"), StringComparison.Ordinal);
        Assert.Contains("## 1.1.0", _repos.Origin.Git("show", "v1.1.0:CHANGELOG.md").Replace("[1.1.0]", "1.1.0", StringComparison.Ordinal), StringComparison.Ordinal);

        // GitHub: one release with the notes and each asset once.
        var release = Assert.Single(GitHub.State.Releases);
        Assert.Equal("v1.1.0", release.TagName);
        Assert.Contains("reject negative sizes", release.Body ?? "", StringComparison.Ordinal);
        Assert.Contains("stream large files", release.Body ?? "", StringComparison.Ordinal);
        Assert.Equal(
            [System.IO.Path.GetFileName(PackedWidget.Path), "openapi.json"],
            release.Assets.Select(a => a.Name).Order(StringComparer.Ordinal).ToList());
        Assert.All(release.Assets, a => Assert.Equal("uploaded", a.State));
        Assert.Equal(File.ReadAllBytes(PackedWidget.Path), release.Assets.Single(a => a.Name.EndsWith(".nupkg", StringComparison.Ordinal)).Content);
        Assert.Equal("OpenAPI Specification", release.Assets.Single(a => a.Name == "openapi.json").Label);
        Assert.Equal("NuGet package", release.Assets.Single(a => a.Name.EndsWith(".nupkg", StringComparison.Ordinal)).Label);
        Assert.Single(GitHub.Matching("POST", "/repos/acme/widget/releases")); // created once, never re-created

        // Issues referenced by the commits: one "released in" comment and the label each.
        foreach (var number in new[] { 12, 13 })
        {
            var issue = GitHub.State.Issues[number];
            Assert.Contains("1.1.0", Assert.Single(issue.Comments).Body, StringComparison.Ordinal);
            Assert.Equal(["released"], issue.Labels);
        }
        Assert.Empty(GitHub.Bugs);

        // NuGet folder feed: the package once. Hooks: publish and success once each.
        Assert.Single(FeedPackages());
        Assert.Equal(["publish 1.1.0", "success 1.1.0"], File.ReadAllLines(Path.Combine(_repos.Work.Path, "obj", "hooks.log")));

        // Notifications: one email, one webhook call.
        var mail = Assert.Single(SuccessEmails);
        Assert.Equal("team@example.com", mail.To.Mailboxes.Single().Address);
        var hook = JsonNode.Parse(Assert.Single(Hook.Bodies, b => b.Contains("\"release-succeeded\"", StringComparison.Ordinal)))!;
        Assert.Equal("1.1.0", hook["version"]!.GetValue<string>());
    }

    /// <summary>The seed's .releaserc.json with its @semantic-release/github assets mapped to .NET outputs (docs/github.md).</summary>
    private static string SeedReleaseRcForDotNet()
    {
        var seed = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "samples", "seed-releaserc.json")))!.AsObject();
        var github = seed["plugins"]!.AsArray().Select(p => p as JsonArray).Single(p => p?[0]?.GetValue<string>() == "@semantic-release/github")!;
        github[1]!["assets"] = JsonNode.Parse("""
            [ {"path": "artifacts/*.nupkg", "label": "NuGet package"}, {"path": "docs/api/openapi.json", "label": "OpenAPI Specification"} ]
            """);
        return seed.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "samples", "seed-releaserc.json"))) return dir.FullName;
        throw new InvalidOperationException("samples/seed-releaserc.json not found above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        GitHub.Dispose();
        Hook.Dispose();
        if (!_smtpStopped) await Smtp.DisposeAsync();
        _repos.Dispose();
        if (Directory.Exists(_feed)) Directory.Delete(_feed, recursive: true);
    }
}

/// <summary>
/// A tiny class library packed once per test process by a real `dotnet pack` (Acme.Widget 1.1.0): every test reuses
/// the one package (packing is the slow part). No build servers are left running (-nodeReuse:false, no shared compiler).
/// </summary>
internal static class PackedWidget
{
    private static readonly Lazy<string> Packed = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => Packed.Value;

    private static string Pack()
    {
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"rsdk-e2e-widget-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(dir, recursive: true);
        File.WriteAllText(System.IO.Path.Combine(dir, "Acme.Widget.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <PackageId>Acme.Widget</PackageId>
                <Authors>Acme</Authors>
                <Description>The end-to-end test's sample library.</Description>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(System.IO.Path.Combine(dir, "Widget.cs"), "namespace Acme;\n\npublic static class Widget\n{\n    public static int Size(int n) => n < 0 ? 0 : n;\n}\n");
        var start = new ProcessStartInfo("dotnet", ["pack", "-c", "Release", "-o", "out", "-p:Version=1.1.0", "-nologo", "-v:q", "-nodeReuse:false", "-p:UseSharedCompilation=false"])
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3))) { process.Kill(entireProcessTree: true); throw new TimeoutException("dotnet pack did not finish in 3 minutes"); }
        var package = System.IO.Path.Combine(dir, "out", "Acme.Widget.1.1.0.nupkg");
        if (process.ExitCode != 0 || !File.Exists(package))
            throw new InvalidOperationException($"dotnet pack failed ({process.ExitCode}):\n{stdout.Result}\n{stderr}");
        return package;
    }
}
