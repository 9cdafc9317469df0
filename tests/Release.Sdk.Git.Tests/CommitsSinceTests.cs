using Release.Sdk.TestKit;

namespace Release.Sdk.Git.Tests;

public sealed class CommitsSinceTests
{
    [Fact]
    public void CommitsSinceATagAreNewestFirstWithMergesIncluded()
    {
        using var repo = new TempGitRepo();
        var tagged = repo.Commit("feat: released");
        repo.Tag("v1.0.0");
        repo.Checkout("feature", create: true);
        var onFeature = repo.Commit("feat: on feature");
        repo.Checkout("main");
        var onMain = repo.Commit("fix: on main");
        var merge = repo.Merge("feature", "Merge branch 'feature'");

        using var history = Histories.Open(repo);
        var since = history.CommitsSince(merge, [tagged]);

        Histories.Check(repo, () =>
        {
            Assert.Equal(repo.Git("log", "--format=%H", "^" + tagged, merge).Split('\n'), since.Select(c => c.Sha));
            Assert.Equal([merge, onMain, onFeature], since.Select(c => c.Sha));
            Assert.True(since[0].IsMerge);
            Assert.Equal(2, since[0].ParentCount);
        });
    }

    [Fact]
    public void CommitFactsAreReadVerbatim()
    {
        using var repo = new TempGitRepo();
        const string message = "feat(api): add thing\n\nBody line.\n\nBREAKING CHANGE: it breaks\n";
        var sha = repo.Commit(message);

        using var history = Histories.Open(repo);
        var commit = Assert.Single(history.CommitsSince(sha, []));

        Assert.Equal(sha, commit.Sha);
        Assert.Equal(message, commit.Message);
        Assert.Equal(0, commit.ParentCount);
        Assert.Equal("Test Author", commit.AuthorName);
        Assert.Equal("author@example.com", commit.AuthorEmail);
        Assert.Equal(TempGitRepo.BaseDate.AddMinutes(1), commit.CommitterDate);
    }

    [Fact]
    public void SeveralExcludesHideEverythingTheyReach()
    {
        using var repo = new TempGitRepo();
        repo.Commit("feat: base");
        repo.Checkout("side", create: true);
        var side = repo.Commit("fix: side");
        repo.Checkout("main");
        var main = repo.Commit("feat: main");
        var merge = repo.Merge("side");

        using var history = Histories.Open(repo);

        Assert.Equal([merge], history.CommitsSince(merge, [side, main]).Select(c => c.Sha));
        Assert.Empty(history.CommitsSince(main, [merge]));
    }

    [Fact]
    public void UnknownHeadIsACodedError()
    {
        using var repo = new TempGitRepo();
        repo.Commit("feat: one");
        using var history = Histories.Open(repo);

        var error = Assert.Throws<Engine.Diagnostics.ReleaseException>(() => history.CommitsSince(new string('a', 40), []));
        Assert.Equal("RSDK2004", error.Code);
    }

    [Fact]
    public void AllHistoryWhenThereIsNoTag()
    {
        using var repo = new TempGitRepo();
        for (var i = 0; i < 30; i++) repo.Commit($"fix: change {i}");

        using var history = Histories.Open(repo);

        Assert.Equal(repo.Git("log", "--format=%H").Split('\n'), history.CommitsSince(repo.Head, []).Select(c => c.Sha));
    }
}
