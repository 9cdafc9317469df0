using Release.Sdk.Git.History;
using Release.Sdk.TestKit;

namespace Release.Sdk.Git.Tests;

public sealed class ReachabilityTests
{
    /// <summary>main: v1.0.0 → v1.1.0 → merge(feature with tag) ; 1.x from v1.0.0 with v1.0.1 ; beta from v1.1.0 with v2.0.0-beta.1.</summary>
    private static (TempGitRepo Repo, string Main, string Maintenance, string Beta) BranchyRepo()
    {
        var repo = new TempGitRepo();
        repo.Commit("feat: first");
        repo.Tag("v1.0.0");
        repo.Checkout("1.x", create: true);
        var maintenance = repo.Commit("fix: backport");
        repo.Tag("v1.0.1");
        repo.Checkout("main");
        repo.Commit("feat: second");
        repo.Tag("v1.1.0", annotation: "1.1.0");
        repo.Checkout("beta", create: true);
        var beta = repo.Commit("feat!: breaking");
        repo.Tag("v2.0.0-beta.1");
        repo.Checkout("main");
        repo.Checkout("feature", create: true);
        repo.Commit("feat: on feature");
        repo.Tag("feature-tag");
        repo.Checkout("main");
        repo.Commit("fix: on main");
        var main = repo.Merge("feature");
        return (repo, main, maintenance, beta);
    }

    [Fact]
    public void TagsOfMergedBranchesAreReachableButNotThoseOfOtherBranches()
    {
        var (repo, main, _, _) = BranchyRepo();
        using var _repo = repo;
        using var history = Histories.Open(repo);

        Histories.Check(repo, () => Assert.Equal(["feature-tag", "v1.0.0", "v1.1.0"], history.TagsReachableFrom(main).Order()));
    }

    [Fact]
    public void MaintenanceBranchSeesItsOwnTagsAndTheSharedHistory()
    {
        var (repo, _, maintenance, _) = BranchyRepo();
        using var _repo = repo;
        using var history = Histories.Open(repo);

        Histories.Check(repo, () => Assert.Equal(["v1.0.0", "v1.0.1"], history.TagsReachableFrom(maintenance).Order()));
    }

    [Fact]
    public void PrereleaseBranchSeesItsPrereleaseTags()
    {
        var (repo, _, _, beta) = BranchyRepo();
        using var _repo = repo;
        using var history = Histories.Open(repo);

        Histories.Check(repo, () => Assert.Equal(["v1.0.0", "v1.1.0", "v2.0.0-beta.1"], history.TagsReachableFrom(beta).Order()));
    }

    [Fact]
    public void MergingThePrereleaseBranchMakesItsTagsReachable()
    {
        var (repo, _, _, _) = BranchyRepo();
        using var _repo = repo;
        var merged = repo.Merge("beta");
        using var history = Histories.Open(repo);

        Histories.Check(repo, () => Assert.Contains("v2.0.0-beta.1", history.TagsReachableFrom(merged)));
    }

    [Fact]
    public void TagsOnUnrelatedHistoryAreNotReachableAndNotRead()
    {
        using var repo = new TempGitRepo();
        repo.Commit("feat: one");
        repo.Tag("v1.0.0");
        var main = repo.Commit("fix: two");
        repo.Git("checkout", "-q", "--orphan", "pages");
        for (var i = 0; i < 5; i++) repo.Commit($"docs: page {i}");
        repo.Tag("pages-v1");
        repo.Checkout("main");

        using var history = GitRepositoryHistory.Open(repo.Path, useGitCli: false)!;

        Assert.Equal(["v1.0.0"], history.TagsReachableFrom(main));
        Assert.Equal(2, history.CommitsReadFromGit);
    }

    [Fact]
    public void AnswersKeptFromAnEarlierBuildStayExactAfterCommitsMergesAndNewTags()
    {
        var (repo, main, _, _) = BranchyRepo();
        using var _repo = repo;
        using (var first = Histories.Open(repo)) first.TagsReachableFrom(main);
        // The first build saved its answer with the history (once, when done), for the next build to stop at.
        var saved = CommitStoreFile.Parse(File.ReadAllBytes(Histories.CacheFile(repo)), "")!;
        Assert.Contains(saved.Memos, m => saved.TryGetIndex(ObjectKeyOf(main), out var head) && m.Head == head);

        // Next builds, each as a new process on the cache file: a commit; a tag on an old commit (targets change);
        // a merge of the prerelease branch (a path around the remembered HEAD).
        var afterCommit = repo.Commit("fix: after");
        AssertLikeGit(afterCommit);
        repo.Git("tag", "old-tag", "v1.0.0");
        AssertLikeGit(afterCommit);
        var merged = repo.Merge("beta");
        AssertLikeGit(merged);
        AssertLikeGit(repo.Git("rev-parse", "1.x"));

        void AssertLikeGit(string head)
        {
            using var history = Histories.OpenAsNewProcess(repo);
            var expected = repo.Git("tag", "--merged", head).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Histories.Check(repo, () => Assert.Equal(expected.Order(StringComparer.Ordinal), history.TagsReachableFrom(head).Order(StringComparer.Ordinal)));
        }
    }

    private static ObjectKey ObjectKeyOf(string sha) => ObjectKey.TryParse(sha, out var key) ? key : throw new ArgumentException(sha);

    [Fact]
    public void UnknownCommitReachesNoTags()
    {
        var (repo, _, _, _) = BranchyRepo();
        using var _repo = repo;
        using var history = Histories.Open(repo);

        Assert.Empty(history.TagsReachableFrom(new string('0', 40)));
        Assert.Empty(history.TagsReachableFrom("not-a-sha"));
    }

    [Fact]
    public void BranchesListsLocalAndThenOriginOnlyBranches()
    {
        var (origin, _, maintenance, beta) = BranchyRepo();
        using var _origin = origin;
        using var clone = TempGitRepo.Clone(origin);
        clone.Checkout("beta");
        using var history = Histories.Open(clone);

        Histories.Check(clone, () => Assert.Equal(
            [("beta", beta, false), ("main", origin.Git("rev-parse", "main"), false),
             ("1.x", maintenance, true), ("feature", origin.Git("rev-parse", "feature"), true)],
            history.Branches.Select(b => (b.Name, b.TipSha, b.IsRemote))));
    }
}
