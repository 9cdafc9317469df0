using Release.Sdk.TestKit;

namespace Release.Sdk.Git.Tests;

public sealed class StateTests
{
    [Fact]
    public void StateNamesTheBranchAndHeadFromASubdirectory()
    {
        using var repo = new TempGitRepo();
        var head = repo.Commit("feat: one", "src/deep/a.txt");

        using var history = GitRepositoryHistory.Open(Path.Combine(repo.Path, "src", "deep"))!;

        Assert.Equal(head, history.State.HeadSha);
        Assert.Equal("main", history.State.BranchName);
        Assert.False(history.State.IsShallow);
        Assert.Equal(Path.GetFullPath(repo.Path), history.State.WorkingDirectory);
        Assert.Equal(Path.Combine(Path.GetFullPath(repo.Path), ".git"), history.State.GitDirectory);
    }

    [Fact]
    public void DetachedHeadHasNoBranchName()
    {
        using var repo = new TempGitRepo();
        var first = repo.Commit("feat: one");
        repo.Commit("feat: two");
        repo.Git("checkout", "-q", "--detach", first);

        using var history = Histories.Open(repo);

        Assert.Equal(first, history.State.HeadSha);
        Assert.Null(history.State.BranchName);
    }

    [Fact]
    public void EmptyRepositoryHasNoHead()
    {
        using var repo = new TempGitRepo();

        using var history = Histories.Open(repo);

        Assert.Null(history.State.HeadSha);
        Assert.Empty(history.Tags);
    }

    [Fact]
    public void DirectoryOutsideAnyRepositoryGivesNull()
    {
        var dir = Path.Combine(Path.GetTempPath(), "rsdk-norepo-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            Assert.Null(GitRepositoryHistory.Open(dir));
            Assert.Null(GitRepositoryHistory.Open(Path.Combine(dir, "missing")));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void LinkedWorktreeSeesItsOwnHeadAndTheSharedTags()
    {
        using var repo = new TempGitRepo();
        repo.Commit("feat: one");
        repo.Tag("v1.0.0");
        var worktree = repo.Path + "-wt";
        repo.Git("worktree", "add", "-q", "-b", "next", worktree);
        try
        {
            File.WriteAllText(Path.Combine(worktree, "n.txt"), "n");
            repo.Git("-C", worktree, "add", "n.txt");
            repo.Git("-C", worktree, "commit", "-q", "-m", "feat: on next");
            var nextHead = repo.Git("-C", worktree, "rev-parse", "HEAD");

            using (var history = GitRepositoryHistory.Open(worktree)!)
            {
                Assert.Equal("next", history.State.BranchName);
                Assert.Equal(nextHead, history.State.HeadSha);
                Assert.Equal(["v1.0.0"], history.TagsReachableFrom(nextHead));
            }
            Assert.True(File.Exists(Histories.CacheFile(repo)), "the cache lives in the common git directory");
        }
        finally { TempGitRepo.DeleteDirectory(worktree); }
    }

    [Fact]
    public void SubmoduleIsItsOwnRepository()
    {
        using var library = new TempGitRepo();
        var libraryHead = library.Commit("feat: library");
        library.Tag("lib-v1.0.0");
        using var app = new TempGitRepo();
        app.Commit("feat: app");
        app.Git("-c", "protocol.file.allow=always", "submodule", "add", "-q", new Uri(library.Path).AbsoluteUri, "lib");

        using var history = GitRepositoryHistory.Open(Path.Combine(app.Path, "lib"))!;

        Assert.Equal(libraryHead, history.State.HeadSha);
        Assert.Equal(Path.Combine(Path.GetFullPath(app.Path), "lib"), history.State.WorkingDirectory);
        Assert.Equal(["lib-v1.0.0"], history.TagsReachableFrom(libraryHead));
    }
}
