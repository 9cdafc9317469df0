using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Versioning;
using Release.Sdk.TestKit;

namespace Release.Sdk.Git.Tests;

public sealed class VersionComputationTests
{
    private static readonly Dictionary<string, string?> NoCi = [];

    private static VersionDecision Compute(string directory, IReadOnlyDictionary<string, string?>? environment = null, bool deepen = false) =>
        VersionComputation.Compute(directory, ReleaseConfigOverrides.None, null, environment ?? NoCi, deepen);

    private static TempGitRepo ReleasedRepo()
    {
        var repo = new TempGitRepo();
        repo.Commit("feat: first");
        repo.Tag("v1.0.0");
        repo.Commit("fix: second");
        repo.Commit("feat: third");
        return repo;
    }

    [Fact]
    public void NoRepositoryGivesTheMarkedFallbackAndAWarning()
    {
        var dir = Path.Combine(Path.GetTempPath(), "rsdk-facade-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            var decision = Compute(dir);

            Assert.True(decision.IsFallback);
            Assert.Equal("0.0.0-norepo", decision.BuildVersion);
            Assert.True(NuGet.Versioning.SemanticVersion.TryParse(decision.BuildVersion, out _));
            Assert.Equal("RSDK0001", Assert.Single(decision.Diagnostics).Code);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void RepositoryWithoutCommitsGivesTheFallbackAndRSDK0003()
    {
        using var repo = new TempGitRepo();

        var decision = Compute(repo.Path);

        Assert.True(decision.IsFallback);
        Assert.StartsWith("0.0.0-", decision.BuildVersion);
        Assert.Equal("RSDK0003", Assert.Single(decision.Diagnostics).Code);
    }

    [Fact]
    public void FeatAfterTagOnMainGivesTheNextMinor()
    {
        using var repo = ReleasedRepo();

        var decision = Compute(repo.Path);

        Histories.Check(repo, () =>
        {
            Assert.False(decision.IsFallback);
            Assert.Equal("1.1.0", decision.NextVersion);
            Assert.Equal("v1.0.0", decision.PreviousTag);
            Assert.Equal(2, decision.CommitCount);
            Assert.Equal("main", decision.Branch);
            Assert.Equal(repo.Head, decision.HeadSha);
        });
    }

    [Fact]
    public void DetachedHeadTakesTheBranchFromGitHubActions()
    {
        using var repo = ReleasedRepo();
        repo.Git("checkout", "-q", "--detach", "HEAD");
        var environment = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_REF_NAME"] = "main", ["GITHUB_REF"] = "refs/heads/main" };

        var decision = Compute(repo.Path, environment);

        Assert.Equal("main", decision.Branch);
        Assert.Equal("1.1.0", decision.NextVersion);
        Assert.True(decision.CanRelease);
    }

    [Fact]
    public void DetachedHeadWithoutCiIsNotAReleaseBuild()
    {
        using var repo = ReleasedRepo();
        repo.Git("checkout", "-q", "--detach", "HEAD");

        var decision = Compute(repo.Path);

        Assert.Null(decision.NextVersion);
        Assert.False(decision.CanRelease);
        Assert.Contains(decision.Diagnostics, d => d.Code == "RSDK2003");
    }

    [Fact]
    public void ShallowCloneMissingTheLastReleaseIsRSDK2001()
    {
        using var origin = ReleasedRepo();
        using var clone = TempGitRepo.Clone(origin, "--depth", "1");

        var error = Assert.Throws<ReleaseException>(() => Compute(clone.Path));

        Assert.Equal("RSDK2001", error.Code);
    }

    [Fact]
    public void ShallowCloneIsDeepenedWhenAskedAndGetsTheFullHistoryVersion()
    {
        using var origin = ReleasedRepo();
        using var clone = TempGitRepo.Clone(origin, "--depth", "1");

        var decision = Compute(clone.Path, deepen: true);

        Histories.Check(clone, () =>
        {
            Assert.Equal("1.1.0", decision.NextVersion);
            Assert.Equal("v1.0.0", decision.PreviousTag);
            Assert.False(File.Exists(Path.Combine(clone.Path, ".git", "shallow")));
        });
    }

    [Fact]
    public void MissingCommitObjectIsRSDK2004()
    {
        using var repo = new TempGitRepo();
        var head = repo.Commit("feat: one");
        File.Delete(Path.Combine(repo.Path, ".git", "objects", head[..2], head[2..]));

        var error = Assert.Throws<ReleaseException>(() => Compute(repo.Path));

        Assert.Equal("RSDK2004", error.Code);
        Assert.Contains(".git", error.Message);
    }

    [Fact]
    public void SecondComputationWithoutChangesReadsNothingFromGit()
    {
        using var repo = ReleasedRepo();
        var first = Compute(repo.Path);

        var second = Compute(repo.Path);
        using var history = Histories.Open(repo);

        Assert.Equal(first.BuildVersion, second.BuildVersion);
        Assert.False(history.OpenedLibGit2);
    }
}
