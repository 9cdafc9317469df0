using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Git.Writing;
using Release.Sdk.TestKit;

namespace Release.Sdk.Git.Tests.Writing;

public sealed class RemoteTests
{
    [Fact]
    public void RemoteBranchTipIsTheCheckedOutCommitWhenNobodyPushed()
    {
        using var repos = new OriginAndClone();
        var repository = repos.Open();

        Assert.Equal(repository.HeadSha, repository.FetchRemoteBranchTip("origin", "main", null));
    }

    [Fact]
    public void RemoteBranchTipShowsSomeoneElsesPushWithoutMovingLocalRefs()
    {
        using var repos = new OriginAndClone();
        var before = repos.Clone.Head;
        var other = repos.AnotherClone();
        var pushed = other.Commit("fix: meanwhile", "meanwhile.txt");
        other.Git("push", "-q", "origin", "main");
        var repository = repos.Open();

        var tip = repository.FetchRemoteBranchTip("origin", "main", null);

        Assert.True(pushed == tip, repos.Describe());
        Assert.Equal(before, repos.Clone.Git("rev-parse", "refs/heads/main"));
        Assert.Equal(before, repos.Clone.Git("rev-parse", "refs/remotes/origin/main"));
        Assert.Equal("commit", repos.Clone.Git("cat-file", "-t", pushed));
        Assert.Equal(pushed, repos.Clone.Git("rev-parse", GitReleaseRepository.FetchedRefPrefix + "main"));
    }

    [Fact]
    public void RemoteBranchTipIsFetchedIntoAShallowClone()
    {
        using var repos = new OriginAndClone();
        using var shallow = TempGitRepo.Clone(repos.Origin, "--depth", "1");
        var other = repos.AnotherClone();
        var pushed = other.Commit("fix: meanwhile", "meanwhile.txt");
        other.Git("push", "-q", "origin", "main");
        using var repository = GitReleaseRepository.Open(shallow.Path)!;

        Assert.Equal(pushed, repository.FetchRemoteBranchTip("origin", "main", null));
        Assert.Equal("commit", shallow.Git("cat-file", "-t", pushed));
    }

    [Fact]
    public void RemoteBranchTipIsNullForABranchTheRemoteDoesNotHave()
    {
        using var repos = new OriginAndClone();
        Assert.Null(repos.Open().FetchRemoteBranchTip("origin", "release/9.x", null));
    }

    [Fact]
    public void RemoteTagTargetPeelsAnAnnotatedTagToItsCommit()
    {
        using var repos = new OriginAndClone();
        var other = repos.AnotherClone();
        var tagged = other.Git("rev-parse", "HEAD~1");
        other.Tag("v1.0.0", tagged, annotation: "Release 1.0.0");
        other.Tag("v1.0.0-light", tagged);
        other.Git("push", "-q", "origin", "--tags");
        var repository = repos.Open();

        Assert.Equal(tagged, repository.RemoteTagTarget("origin", "v1.0.0", null));
        Assert.Equal(tagged, repository.RemoteTagTarget("origin", "v1.0.0-light", null));
        Assert.Null(repository.RemoteTagTarget("origin", "v2.0.0", null));
        Assert.Null(repository.LocalTagTarget("v1.0.0"));
    }

    [Fact]
    public void AtomicPushUpdatesBranchAndTag()
    {
        using var repos = new OriginAndClone();
        var repository = repos.Open();
        repos.Write("CHANGELOG.md", "# Changelog\n");
        var release = repository.Commit(["CHANGELOG.md"], "chore(release): 1.0.0", OriginAndClone.Bot, OriginAndClone.Bot)!;
        repository.CreateAnnotatedTag("v1.0.0", release, "Release 1.0.0", OriginAndClone.Bot);

        var result = repository.Push("origin", ["HEAD:refs/heads/main", "refs/tags/v1.0.0"], null);

        Assert.True(result.Accepted, result.RejectionReason);
        Assert.Equal(release, repos.OriginRef("refs/heads/main"));
        Assert.Equal(release, repos.Origin.Git("rev-parse", "v1.0.0^{commit}"));
        Assert.Equal(release, repository.RemoteTagTarget("origin", "v1.0.0", null));
    }

    [Fact]
    public void PushOfWhatTheRemoteAlreadyHasIsAccepted()
    {
        using var repos = new OriginAndClone();
        var result = repos.Open().Push("origin", ["HEAD:refs/heads/main"], null);
        Assert.True(result.Accepted, result.RejectionReason);
    }

    [Fact]
    public void HookRejectingTheTagKeepsTheBranchWhereItWas()
    {
        using var repos = new OriginAndClone();
        repos.RejectTagsOnOrigin("tag pushes are not allowed here");
        var originMain = repos.OriginRef("refs/heads/main");
        var repository = repos.Open();
        repos.Write("CHANGELOG.md", "# Changelog\n");
        var release = repository.Commit(["CHANGELOG.md"], "chore(release): 1.0.0", OriginAndClone.Bot, OriginAndClone.Bot)!;
        repository.CreateAnnotatedTag("v1.0.0", release, "Release 1.0.0", OriginAndClone.Bot);

        var result = repository.Push("origin", ["HEAD:refs/heads/main", "refs/tags/v1.0.0"], null);

        Assert.False(result.Accepted);
        Assert.StartsWith("refs/tags/v1.0.0: [remote rejected] (hook declined); refs/heads/main: [remote rejected] (atomic push failure)", result.RejectionReason);
        Assert.Contains("tag pushes are not allowed here", result.RejectionReason);
        Assert.Equal(originMain, repos.OriginRef("refs/heads/main"));
        Assert.Equal("", repos.OriginRef("refs/tags/v1.0.0"));
    }

    [Fact]
    public void PushOnTopOfARemoteThatMovedIsRejectedAndChangesNothing()
    {
        using var repos = new OriginAndClone();
        var other = repos.AnotherClone();
        var theirs = other.Commit("fix: meanwhile", "meanwhile.txt");
        other.Git("push", "-q", "origin", "main");
        var repository = repos.Open();
        repos.Write("CHANGELOG.md", "# Changelog\n");
        var release = repository.Commit(["CHANGELOG.md"], "chore(release): 1.0.0", OriginAndClone.Bot, OriginAndClone.Bot)!;
        repository.CreateAnnotatedTag("v1.0.0", release, "Release 1.0.0", OriginAndClone.Bot);

        var result = repository.Push("origin", ["HEAD:refs/heads/main", "refs/tags/v1.0.0"], null);

        Assert.False(result.Accepted);
        Assert.StartsWith("refs/heads/main: [rejected]", result.RejectionReason);
        Assert.Contains("atomic push failed", result.RejectionReason);
        Assert.Equal(theirs, repos.OriginRef("refs/heads/main"));
        Assert.Equal("", repos.OriginRef("refs/tags/v1.0.0"));
    }

    [Fact]
    public void UnreachableRemoteFailsFetchWithRsdk2006AndPushWithRsdk2005()
    {
        using var repos = new OriginAndClone();
        var missing = Path.Combine(Path.GetTempPath(), "rsdk-missing-" + Guid.NewGuid().ToString("N"));
        repos.Clone.Git("remote", "set-url", "origin", missing);
        var repository = repos.Open();

        var fetch = Assert.Throws<ReleaseException>(() => repository.FetchRemoteBranchTip("origin", "main", null));
        var tag = Assert.Throws<ReleaseException>(() => repository.RemoteTagTarget("origin", "v1.0.0", null));
        var push = Assert.Throws<ReleaseException>(() => repository.Push("origin", ["HEAD:refs/heads/main"], null));

        Assert.Equal(DiagnosticCatalog.FetchFailed, fetch.Descriptor);
        Assert.Equal(DiagnosticCatalog.FetchFailed, tag.Descriptor);
        Assert.Equal(DiagnosticCatalog.PushFailed, push.Descriptor);
        Assert.Contains("'origin'", push.Message);
        Assert.Contains(missing, push.Message);
    }

    [Fact]
    public void RemoteThatDoesNotExistIsAFetchFailure()
    {
        using var repos = new OriginAndClone();
        var error = Assert.Throws<ReleaseException>(() => repos.Open().FetchRemoteBranchTip("upstream", "main", null));
        Assert.Equal(DiagnosticCatalog.FetchFailed, error.Descriptor);
    }

    [Fact]
    public void RemoteUrlHasNoCredentials()
    {
        using var repos = new OriginAndClone();
        repos.Clone.Git("remote", "set-url", "origin", "https://x-access-token:ghs_secret@github.com/acme/tool.git");
        repos.Clone.Git("remote", "add", "mirror", "ssh://git@example.com/acme/tool.git");
        var repository = repos.Open();

        Assert.Equal("https://github.com/acme/tool.git", repository.RemoteUrl("origin"));
        Assert.Equal("ssh://git@example.com/acme/tool.git", repository.RemoteUrl("mirror"));
        Assert.Null(repository.RemoteUrl("upstream"));
    }

    [Fact]
    public void NetworkOperationThatRunsOutOfTimeIsStopped()
    {
        using var repos = new OriginAndClone();
        using var silent = LoopbackHttpServer.Silent();
        repos.Clone.Git("remote", "set-url", "origin", silent.Url);

        var error = Assert.Throws<ReleaseException>(() =>
            repos.Open(timeout: TimeSpan.FromSeconds(2)).FetchRemoteBranchTip("origin", "main", null));

        Assert.Equal(DiagnosticCatalog.FetchFailed, error.Descriptor);
        Assert.Contains("did not finish within 2 s", error.Message);
    }
}
