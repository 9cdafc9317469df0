using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Git.Tests.Writing;

public sealed class LocalWriteTests
{
    private static readonly GitIdentity Author = new("Ada Author", "ada@example.com", new DateTimeOffset(2024, 7, 2, 8, 30, 0, TimeSpan.Zero));

    [Fact]
    public void CleanCloneHasNoDirtyPaths()
    {
        using var repos = new OriginAndClone();
        Assert.Empty(repos.Open().DirtyPaths());
    }

    [Fact]
    public void ModifiedStagedAndUntrackedFilesAreDirtyButIgnoredOnesAreNot()
    {
        using var repos = new OriginAndClone();
        repos.Write(".gitignore", "obj/\n");
        repos.Write("obj/cache.bin", "x");
        repos.Write("README.md", "changed\n");
        repos.Write("docs/new/page.md", "new\n");
        repos.Write("staged.txt", "staged\n");
        repos.Clone.Git("add", "staged.txt");
        File.Delete(Path.Combine(repos.Clone.Path, "src", "tool.txt"));

        Assert.Equal([".gitignore", "README.md", "docs/new/page.md", "src/tool.txt", "staged.txt"], repos.Open().DirtyPaths());
    }

    [Fact]
    public void DirtyPathsSeeWhatGitStagedAfterTheRepositoryWasOpened()
    {
        using var repos = new OriginAndClone();
        var repository = repos.Open();
        Assert.Empty(repository.DirtyPaths());
        var readme = File.ReadAllText(Path.Combine(repos.Clone.Path, "README.md"));
        repos.Write("README.md", "staged only\n");
        repos.Clone.Git("add", "README.md");
        repos.Write("README.md", readme);

        Assert.Equal(["README.md"], repository.DirtyPaths());
    }

    [Fact]
    public void CommitContainsExactlyTheGivenPathsAndLeavesTheRestAlone()
    {
        using var repos = new OriginAndClone();
        var before = repos.Clone.Head;
        repos.Write("CHANGELOG.md", "# Changelog\n");
        repos.Write("README.md", "1.0.0\n");
        repos.Write("src/tool.txt", "staged, not released\n");
        repos.Clone.Git("add", "src/tool.txt");
        repos.Write("scratch.txt", "untracked\n");
        var repository = repos.Open();

        var sha = repository.Commit(["CHANGELOG.md", "README.md"], "chore(release): 1.0.0 [skip ci]", Author, OriginAndClone.Bot);

        Assert.NotNull(sha);
        Assert.Equal(sha, repository.HeadSha);
        Assert.Equal(sha, repos.Clone.Git("rev-parse", "refs/heads/main"));
        Assert.Equal(before, repos.Clone.Git("rev-parse", "HEAD~1"));
        Assert.Equal("A\tCHANGELOG.md\nM\tREADME.md", repos.Clone.Git("diff-tree", "--no-commit-id", "--name-status", "-r", "HEAD"));
        Assert.Equal("M  src/tool.txt\n?? scratch.txt", repos.Clone.Git("status", "--porcelain"));
    }

    [Fact]
    public void CommitSeesWhatGitStagedAfterTheRepositoryWasOpened()
    {
        using var repos = new OriginAndClone();
        var repository = repos.Open();
        Assert.Empty(repository.DirtyPaths());
        // A prepare hook may stage files with the git CLI while the repository is open.
        repos.Write("hook-staged.txt", "staged by a hook\n");
        repos.Clone.Git("add", "hook-staged.txt");
        repos.Write("CHANGELOG.md", "# Changelog\n");

        repository.Commit(["CHANGELOG.md"], "chore(release): 1.0.0", Author, Author);

        Assert.Equal("A  hook-staged.txt", repos.Clone.Git("status", "--porcelain"));
    }

    [Fact]
    public void CommitAfterAResetByGitDoesNotResurrectTheUndoneIndex()
    {
        using var repos = new OriginAndClone();
        var start = repos.Clone.Head;
        var repository = repos.Open();
        repos.Write("CHANGELOG.md", "# Changelog\n");
        repository.Commit(["CHANGELOG.md"], "chore(release): 1.0.0", Author, Author);
        // The release run undoes a failed attempt with `git reset --hard`, then a rerun commits again.
        repos.Clone.Git("reset", "-q", "--hard", start);
        repos.Write("README.md", "1.0.0\n");

        var sha = repository.Commit(["README.md"], "chore(release): 1.0.0", Author, Author);

        Assert.Equal("M\tREADME.md", repos.Clone.Git("diff-tree", "--no-commit-id", "--name-status", "-r", sha!));
        Assert.Equal("", repos.Clone.Git("status", "--porcelain"));
    }

    [Fact]
    public void CommitUsesTheGivenAuthorAndCommitter()
    {
        using var repos = new OriginAndClone();
        repos.Write("CHANGELOG.md", "# Changelog\n");

        repos.Open().Commit(["CHANGELOG.md"], "chore(release): 1.0.0", Author, OriginAndClone.Bot);

        Assert.Equal("Ada Author <ada@example.com> 2024-07-02T08:30:00+00:00 | Release Bot <bot@example.com> 2024-07-01T12:00:00+00:00",
            repos.Clone.Git("log", "-1", "--format=%an <%ae> %aI | %cn <%ce> %cI"));
    }

    [Fact]
    public void CommitMessageKeepsMarkdownHeadingsOfTheNotes()
    {
        using var repos = new OriginAndClone();
        repos.Write("CHANGELOG.md", "# Changelog\n");
        const string message = "chore(release): 1.0.0 [skip ci]\n\n## 1.0.0 (2024-07-01)\n\n### Features\n\n* tool   \n\n\n";

        repos.Open().Commit(["CHANGELOG.md"], message, Author, Author);

        Assert.Equal("chore(release): 1.0.0 [skip ci]\n\n## 1.0.0 (2024-07-01)\n\n### Features\n\n* tool",
            repos.Clone.Git("log", "-1", "--format=%B").TrimEnd('\n'));
    }

    [Fact]
    public void CommitIsNullWhenNoGivenPathChanged()
    {
        using var repos = new OriginAndClone();
        var before = repos.Clone.Head;
        repos.Write("other.txt", "not part of the release\n");
        var repository = repos.Open();

        Assert.Null(repository.Commit(["README.md", "never-existed.md"], "chore(release): 1.0.0", Author, Author));
        Assert.Equal(before, repository.HeadSha);
        Assert.Equal("?? other.txt", repos.Clone.Git("status", "--porcelain"));
    }

    [Fact]
    public void PathThatNoLongerExistsIsCommittedAsADeletion()
    {
        using var repos = new OriginAndClone();
        File.Delete(Path.Combine(repos.Clone.Path, "src", "tool.txt"));
        var repository = repos.Open();

        var sha = repository.Commit(["src/tool.txt"], "chore(release): drop tool", Author, Author);

        Assert.NotNull(sha);
        Assert.Equal("D\tsrc/tool.txt", repos.Clone.Git("diff-tree", "--no-commit-id", "--name-status", "-r", "HEAD"));
        Assert.Empty(repository.DirtyPaths());
    }

    [Fact]
    public void DirectoryPathCommitsItsNewChangedAndDeletedFilesEvenIgnoredOnes()
    {
        using var repos = new OriginAndClone();
        repos.Write("src/added.txt", "new\n");
        repos.Write("src/generated.g.txt", "ignored, but an asset\n");
        repos.Write(".gitignore", "*.g.txt\n");
        File.Delete(Path.Combine(repos.Clone.Path, "src", "tool.txt"));

        repos.Open().Commit(["src"], "chore(release): 1.0.0", Author, Author);

        Assert.Equal("A\tsrc/added.txt\nA\tsrc/generated.g.txt\nD\tsrc/tool.txt",
            repos.Clone.Git("diff-tree", "--no-commit-id", "--name-status", "-r", "HEAD"));
        Assert.Equal("?? .gitignore", repos.Clone.Git("status", "--porcelain"));
    }

    [Fact]
    public void AbsolutePathsInsideTheWorkTreeAreAccepted()
    {
        using var repos = new OriginAndClone();
        repos.Write("deploy/chart/Chart.yaml", "version: 1.0.0\n");

        var sha = repos.Open().Commit([Path.Combine(repos.Clone.Path, "deploy", "chart", "Chart.yaml")], "chore(release): 1.0.0", Author, Author);

        Assert.NotNull(sha);
        Assert.Equal("A\tdeploy/chart/Chart.yaml", repos.Clone.Git("diff-tree", "--no-commit-id", "--name-status", "-r", "HEAD"));
    }

    [Fact]
    public void PathOutsideTheWorkTreeIsRefused()
    {
        using var repos = new OriginAndClone();
        Assert.Throws<ArgumentException>(() => repos.Open().Commit(["../elsewhere.txt"], "x", Author, Author));
    }

    [Fact]
    public void CommitOnADetachedHeadMovesHeadOnly()
    {
        using var repos = new OriginAndClone();
        var main = repos.Clone.Head;
        repos.Clone.Git("checkout", "-q", "--detach");
        repos.Write("CHANGELOG.md", "# Changelog\n");
        var repository = repos.Open();

        var sha = repository.Commit(["CHANGELOG.md"], "chore(release): 1.0.0", Author, Author);

        Assert.Equal(sha, repository.HeadSha);
        Assert.Equal(main, repos.Clone.Git("rev-parse", "refs/heads/main"));
    }

    [Fact]
    public void AnnotatedTagCarriesTheMessageAndTaggerAndPeelsToTheCommit()
    {
        using var repos = new OriginAndClone();
        var repository = repos.Open();
        var head = repository.HeadSha;

        repository.CreateAnnotatedTag("v1.0.0", head, "Release 1.0.0\n\n## Notes", OriginAndClone.Bot);

        Assert.Equal("tag", repos.Clone.Git("cat-file", "-t", "refs/tags/v1.0.0"));
        Assert.Equal("Release Bot <bot@example.com> 2024-07-01T12:00:00+00:00\nRelease 1.0.0\n\n## Notes",
            repos.Clone.Git("for-each-ref", "--format=%(taggername) %(taggeremail) %(taggerdate:iso-strict)%0a%(contents)", "refs/tags/v1.0.0").TrimEnd('\n'));
        Assert.Equal(head, repository.LocalTagTarget("v1.0.0"));
        Assert.NotEqual(head, repos.Clone.Git("rev-parse", "refs/tags/v1.0.0"));
    }

    [Fact]
    public void LocalTagTargetIsNullForAMissingTag()
    {
        using var repos = new OriginAndClone();
        Assert.Null(repos.Open().LocalTagTarget("v9.9.9"));
    }

    [Fact]
    public void TaggingTheSameCommitAgainIsHarmless()
    {
        using var repos = new OriginAndClone();
        var repository = repos.Open();
        repository.CreateAnnotatedTag("v1.0.0", repository.HeadSha, "first", Author);

        repository.CreateAnnotatedTag("v1.0.0", repository.HeadSha, "rerun", Author);

        Assert.Equal("first", repos.Clone.Git("for-each-ref", "--format=%(contents:subject)", "refs/tags/v1.0.0"));
    }

    [Fact]
    public void TagThatExistsOnAnotherCommitIsAConflict()
    {
        using var repos = new OriginAndClone();
        repos.Clone.Tag("v1.0.0", "HEAD~1");
        var repository = repos.Open();

        var error = Assert.Throws<ReleaseException>(() => repository.CreateAnnotatedTag("v1.0.0", repository.HeadSha, "release", Author));

        Assert.Equal(DiagnosticCatalog.ReleaseTagConflict, error.Descriptor);
        Assert.Contains("git tag -d v1.0.0", error.Message);
    }

    [Fact]
    public void TaggingAMissingObjectIsALocalWriteFailure()
    {
        using var repos = new OriginAndClone();
        var error = Assert.Throws<ReleaseException>(() =>
            repos.Open().CreateAnnotatedTag("v1.0.0", new string('1', 40), "release", Author));
        Assert.Equal(DiagnosticCatalog.LocalWriteFailed, error.Descriptor);
    }

    [Fact]
    public void DeleteLocalTagRemovesItAndToleratesAMissingOne()
    {
        using var repos = new OriginAndClone();
        var repository = repos.Open();
        repository.CreateAnnotatedTag("v1.0.0", repository.HeadSha, "release", Author);

        repository.DeleteLocalTag("v1.0.0");
        repository.DeleteLocalTag("v1.0.0");

        Assert.Null(repository.LocalTagTarget("v1.0.0"));
        Assert.Equal("", repos.Clone.Git("tag", "--list"));
    }
}
