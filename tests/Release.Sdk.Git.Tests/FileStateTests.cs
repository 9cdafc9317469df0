using Release.Sdk.Engine.History;
using Release.Sdk.Git.History;
using Release.Sdk.TestKit;

namespace Release.Sdk.Git.Tests;

/// <summary>
/// A build after a commit finds the repository and reads HEAD from the files instead of loading libgit2; in every layout
/// it must say what libgit2 says, or leave the answer to libgit2.
/// </summary>
public sealed class FileStateTests
{
    [Theory]
    [InlineData("branch")]
    [InlineData("subdirectory")]
    [InlineData("detached")]
    [InlineData("unborn")]
    [InlineData("packed-branch")]
    [InlineData("nested-branch-name")]
    [InlineData("shallow")]
    public void FilesSayWhatLibGit2Says(string layout)
    {
        using var source = new TempGitRepo();
        if (layout != "unborn")
        {
            source.Commit("feat: one", "src/deep/a.txt");
            source.Tag("v1.0.0");
            source.Commit("fix: two");
            source.Commit("fix: three");
        }
        using var clone = layout == "shallow" ? TempGitRepo.Clone(source, "--depth", "1") : null;
        var repo = clone ?? source;
        var start = repo.Path;
        switch (layout)
        {
            case "subdirectory": start = Path.Combine(repo.Path, "src", "deep"); break;
            case "detached": repo.Git("checkout", "-q", "--detach", "HEAD~1"); break;
            case "packed-branch": repo.Git("pack-refs", "--all"); break;
            case "nested-branch-name": repo.Checkout("feature/deep/name", create: true); break;
        }

        AssertSameState(start, repo.Path);
    }

    [Fact]
    public void ALinkedWorktreeSaysWhatLibGit2SaysAndASubmoduleIsLeftToLibGit2()
    {
        using var library = new TempGitRepo();
        library.Commit("feat: library");
        using var app = new TempGitRepo();
        app.Commit("feat: app");
        app.Git("-c", "protocol.file.allow=always", "submodule", "add", "-q", new Uri(library.Path).AbsoluteUri, "lib");
        // git records a submodule's working tree as core.worktree in its git directory: libgit2 reads that.
        Assert.Null(RepositoryDiscovery.TryFind(Path.Combine(app.Path, "lib")));

        var worktree = app.Path + "-wt";
        app.Git("worktree", "add", "-q", "-b", "next", worktree);
        try { AssertSameState(worktree, worktree); }
        finally { TempGitRepo.DeleteDirectory(worktree); }
    }

    [Fact]
    public void InsideTheGitDirectoryOrABareRepositoryLibGit2Decides()
    {
        using var repo = new TempGitRepo();
        repo.Commit("feat: one");
        Assert.Null(RepositoryDiscovery.TryFind(Path.Combine(repo.Path, ".git", "refs")));
        using var bare = TempGitRepo.Clone(repo, "--bare");
        Assert.Null(RepositoryDiscovery.TryFind(bare.Path));
        Assert.NotNull(GitRepositoryHistory.Open(bare.Path));
    }

    [Fact]
    public void ABuildAfterACommitDoesNotLoadLibGit2()
    {
        using var repo = new TempGitRepo();
        repo.Commit("feat: one");
        repo.Tag("v1.0.0");
        repo.Commit("fix: two");
        using (var first = Histories.OpenAsNewProcess(repo)) first.CommitsSince(first.State.HeadSha!, [repo.Git("rev-parse", "v1.0.0")]);
        var head = repo.Commit("fix: three");

        using var next = Histories.OpenAsNewProcess(repo);
        Assert.Equal(head, next.State.HeadSha);
        Assert.Equal(["v1.0.0"], next.TagsReachableFrom(head));
        Assert.Equal(2, next.CommitsSince(head, [repo.Git("rev-parse", "v1.0.0")]).Count);
        Assert.False(next.OpenedLibGit2);
    }

    private static void AssertSameState(string start, string expectedWorkingDirectory)
    {
        var found = RepositoryDiscovery.TryFind(start);
        Assert.NotNull(found);
        Assert.Equal(Path.GetFullPath(expectedWorkingDirectory), found.WorkingDirectory);
        HistoryCaches.Clear();
        using var history = GitRepositoryHistory.Open(start)!;
        var directories = GitDirectories.From(found.GitDirectory);
        var fromFiles = history.StateFromFiles(RefFiles.TryRead(directories.CommonDirectory)!, found.WorkingDirectory);
        Assert.NotNull(fromFiles);
        Assert.Equal(history.StateFromLibGit2(), fromFiles);
        Assert.Equal(history.State, fromFiles);
    }
}
