using System.Text;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.ReleaseRun;
using Release.Sdk.TestKit;

namespace Release.Sdk.Git.Tests.Writing;

public sealed class CredentialTests
{
    private const string Token = "ghs_Sup3rSecretT0kenValue";
    private const string UrlPassword = "UrlPa55word";
    private static readonly GitCredentials Credentials = new(Token);
    private static readonly string EncodedToken = Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + Token));

    [Fact]
    public void TokenIsSentAsABasicAuthorizationHeader()
    {
        using var repos = new OriginAndClone();
        using var server = LoopbackHttpServer.Unauthorized();
        repos.Clone.Git("remote", "set-url", "origin", server.Url);

        Assert.Throws<ReleaseException>(() => repos.Open().RemoteTagTarget("origin", "v1.0.0", Credentials));

        Assert.Contains(server.Requests, r => r.Contains("Authorization: basic " + EncodedToken, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void TokenWinsOverAnAuthorizationHeaderACheckoutLeftInTheConfig()
    {
        using var repos = new OriginAndClone();
        using var server = LoopbackHttpServer.Unauthorized();
        repos.Clone.Git("remote", "set-url", "origin", server.Url);
        repos.Clone.Git("config", "--local", $"http.{server.Url[..(server.Url.IndexOf("/acme", StringComparison.Ordinal) + 1)]}.extraheader", "AUTHORIZATION: basic c3RhbGU=");

        Assert.Throws<ReleaseException>(() => repos.Open().FetchRemoteBranchTip("origin", "main", Credentials));

        Assert.NotEmpty(server.Requests);
        Assert.All(server.Requests, r => Assert.DoesNotContain("c3RhbGU=", r));
        Assert.Contains(server.Requests, r => r.Contains(EncodedToken, StringComparison.Ordinal));
    }

    [Fact]
    public void FailedPushAndFetchWithATokenDoNotLeakIt()
    {
        using var repos = new OriginAndClone();
        using var server = LoopbackHttpServer.Unauthorized();
        repos.Clone.Git("remote", "set-url", "origin", server.Url.Replace("http://", $"http://release:{UrlPassword}@"));
        var repository = repos.Open();

        var push = Assert.Throws<ReleaseException>(() => repository.Push("origin", ["HEAD:refs/heads/main"], Credentials));
        var fetch = Assert.Throws<ReleaseException>(() => repository.FetchRemoteBranchTip("origin", "main", Credentials));

        Assert.Equal(DiagnosticCatalog.PushFailed, push.Descriptor);
        Assert.Equal(DiagnosticCatalog.FetchFailed, fetch.Descriptor);
        AssertNoSecret(push.ToString());
        AssertNoSecret(fetch.ToString());
        AssertNoSecret(repository.RemoteUrl("origin"));
    }

    [Fact]
    public void PushToAClosedPortWithATokenDoesNotLeakIt()
    {
        using var repos = new OriginAndClone();
        var url = $"http://x-access-token:{Token}@127.0.0.1:{LoopbackPorts.Free()}/acme/tool.git";
        repos.Clone.Git("remote", "set-url", "origin", url);

        var push = Assert.Throws<ReleaseException>(() => repos.Open().Push("origin", ["HEAD:refs/heads/main"], Credentials));

        Assert.Equal(DiagnosticCatalog.PushFailed, push.Descriptor);
        Assert.Contains("127.0.0.1", push.Message);
        AssertNoSecret(push.ToString());
    }

    [Fact]
    public void RejectionReasonIsRedacted()
    {
        using var repos = new OriginAndClone();
        // A server that quotes the credentials it was given back in its refusal.
        repos.RejectTagsOnOrigin($"denied for https://x-access-token:{Token}@example.com token {Token}");
        var repository = repos.Open();
        repository.CreateAnnotatedTag("v1.0.0", repository.HeadSha, "Release 1.0.0", OriginAndClone.Bot);

        var result = repository.Push("origin", ["refs/tags/v1.0.0"], Credentials);

        Assert.False(result.Accepted);
        Assert.Contains("denied for https://***@example.com token ***", result.RejectionReason);
        AssertNoSecret(result.ToString());
    }

    [Fact]
    public void TokenTravelsInTheEnvironmentNotOnTheCommandLine()
    {
        if (OperatingSystem.IsWindows()) return;
        using var repos = new OriginAndClone();
        var record = Path.Combine(repos.Clone.Path, "..", Path.GetFileName(repos.Clone.Path) + "-git-call");
        var fakeGit = record + ".sh";
        File.WriteAllText(fakeGit, $"#!/bin/sh\nprintf '%s\\n' \"$@\" > '{record}.args'\nenv > '{record}.env'\necho 'fatal: unable to access' >&2\nexit 128\n");
        File.SetUnixFileMode(fakeGit, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        repos.Clone.Git("remote", "set-url", "origin", "https://github.com/acme/tool.git");
        try
        {
            Assert.Throws<ReleaseException>(() => repos.Open(gitExecutable: fakeGit).Push("origin", ["HEAD:refs/heads/main"], Credentials));

            var arguments = File.ReadAllText(record + ".args");
            var environment = File.ReadAllLines(record + ".env");
            Assert.Equal("push\n--atomic\n--porcelain\n--no-follow-tags\n--recurse-submodules=no\norigin\nHEAD:refs/heads/main\n", arguments);
            Assert.Contains("GIT_TERMINAL_PROMPT=0", environment);
            Assert.Contains(environment, line => line.StartsWith("GIT_CONFIG_KEY_", StringComparison.Ordinal) && line.EndsWith("=http.https://github.com/acme/tool.git.extraHeader", StringComparison.Ordinal));
            Assert.Contains(environment, line => line.EndsWith("=AUTHORIZATION: basic " + EncodedToken, StringComparison.Ordinal));
            Assert.DoesNotContain(Directory.EnumerateFiles(repos.Clone.Path, "*", SearchOption.AllDirectories),
                f => File.ReadAllText(f).Contains(Token, StringComparison.Ordinal) || File.ReadAllText(f).Contains(EncodedToken, StringComparison.Ordinal));
        }
        finally
        {
            foreach (var file in new[] { fakeGit, record + ".args", record + ".env" }) File.Delete(file);
        }
    }

    [Fact]
    public void NoTokenIsHandedToAnSshRemote()
    {
        if (OperatingSystem.IsWindows()) return;
        using var repos = new OriginAndClone();
        var record = Path.Combine(repos.Clone.Path, "..", Path.GetFileName(repos.Clone.Path) + "-git-call");
        var fakeGit = record + ".sh";
        File.WriteAllText(fakeGit, $"#!/bin/sh\nenv > '{record}.env'\nexit 128\n");
        File.SetUnixFileMode(fakeGit, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        repos.Clone.Git("remote", "set-url", "origin", "git@github.com:acme/tool.git");
        try
        {
            Assert.Throws<ReleaseException>(() => repos.Open(gitExecutable: fakeGit).Push("origin", ["HEAD:refs/heads/main"], Credentials));

            var environment = File.ReadAllText(record + ".env");
            Assert.DoesNotContain(EncodedToken, environment);
            Assert.DoesNotContain(Token, environment);
        }
        finally
        {
            foreach (var file in new[] { fakeGit, record + ".env" }) File.Delete(file);
        }
    }

    private static void AssertNoSecret(string? text)
    {
        Assert.NotNull(text);
        Assert.DoesNotContain(Token, text);
        Assert.DoesNotContain(EncodedToken, text);
        Assert.DoesNotContain(UrlPassword, text);
    }
}
