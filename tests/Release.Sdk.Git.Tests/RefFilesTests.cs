using LibGit2Sharp;
using Release.Sdk.Git.History;
using Release.Sdk.TestKit;

namespace Release.Sdk.Git.Tests;

/// <summary>Reading refs from the files must give exactly what libgit2 gives, loose or packed, or step aside.</summary>
public sealed class RefFilesTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void BranchesAndTagsEqualLibGit2sLooseOrPacked(bool packed)
    {
        using var origin = new TempGitRepo();
        origin.Commit("feat: one");
        origin.Tag("v1.0.0");
        origin.Tag("v1.1.0", annotation: "annotated");
        origin.Checkout("1.x", create: true);
        origin.Commit("fix: maintenance");
        origin.Tag("nested/v1.0.1", annotation: "nested and annotated");
        origin.Checkout("main");
        origin.Commit("feat: two");
        var tree = origin.Git("rev-parse", "HEAD^{tree}");
        origin.Git("tag", "tree-tag", tree);
        origin.Git("tag", "-a", "-m", "tag of a tag", "tag-of-tag", "v1.1.0");
        using var clone = TempGitRepo.Clone(origin);
        clone.Checkout("feature/x", create: true);
        clone.Commit("feat: local");
        clone.Git("symbolic-ref", "refs/heads/alias", "refs/heads/main");
        if (packed) clone.Git("pack-refs", "--all");
        // A loose ref newer than its packed entry wins.
        clone.Git("update-ref", "refs/tags/v1.0.0", clone.Git("rev-parse", "HEAD"));

        var gitDirectory = Path.Combine(clone.Path, ".git");
        using var repository = new Repository(gitDirectory);
        var store = new CommitStore("");
        var files = RefFiles.TryRead(gitDirectory);

        Assert.NotNull(files);
        Assert.Equal(Describe(RefReader.ReadBranches(repository)), Describe(RefReader.ReadBranches(files)));
        Assert.Equal(Describe(RefReader.ReadTags(repository, new CommitStore(""))), Describe(RefReader.ReadTags(files, () => repository, store)));
        Assert.Contains(RefReader.ReadTags(files, () => repository, store), t => t.Name == "v1.0.0" && t.CommitSha == clone.Git("rev-parse", "HEAD"));
        Assert.DoesNotContain(RefReader.ReadTags(files, () => repository, store), t => t.Name == "tree-tag");
    }

    [Fact]
    public void PackedPeelsSpareLibGit2WhenTheCommitIsKnown()
    {
        using var repo = new TempGitRepo();
        var sha = repo.Commit("feat: one");
        repo.Tag("v1.0.0", annotation: "annotated");
        repo.Git("pack-refs", "--all");
        var gitDirectory = Path.Combine(repo.Path, ".git");
        var store = new CommitStore("");
        Assert.True(ObjectKey.TryParse(sha, out var id));
        store.Add([new RawCommit(id, [], TempGitRepo.BaseDate, null)]);

        var tags = RefReader.ReadTags(RefFiles.TryRead(gitDirectory)!, () => throw new InvalidOperationException("libgit2 was asked"), store);

        Assert.Equal([("v1.0.0", sha)], tags.Select(t => (t.Name, t.CommitSha)));
    }

    [Fact]
    public void FingerprintFromTheStampsTakenWhileReadingEqualsTheOneTakenBySizeAndTime()
    {
        using var origin = new TempGitRepo();
        origin.Commit("feat: one");
        origin.Tag("v1.0.0");
        using var clone = TempGitRepo.Clone(origin);
        clone.Tag("v1.1.0", annotation: "loose");
        File.WriteAllText(Path.Combine(clone.Path, ".git", "refs", "tags", "in-flight.lock"), "");
        var directories = Histories.DirectoriesOf(clone);

        var files = RefFiles.TryRead(directories.CommonDirectory)!;

        Assert.Equal(directories.RefsFingerprint(), directories.RefsFingerprint(files.LooseStamps));
        clone.Tag("v1.2.0");
        Assert.NotEqual(directories.RefsFingerprint(files.LooseStamps), directories.RefsFingerprint());
    }

    [Fact]
    public void ReftableOrMalformedRefsAreLeftToLibGit2()
    {
        using var repo = new TempGitRepo();
        repo.Commit("feat: one");
        var gitDirectory = Path.Combine(repo.Path, ".git");
        File.WriteAllText(Path.Combine(gitDirectory, "refs", "tags", "broken"), "not a sha\n");
        Assert.Null(RefFiles.TryRead(gitDirectory));

        File.Delete(Path.Combine(gitDirectory, "refs", "tags", "broken"));
        File.AppendAllText(Path.Combine(gitDirectory, "packed-refs"), "garbage line\n");
        Assert.Null(RefFiles.TryRead(gitDirectory));

        File.Delete(Path.Combine(gitDirectory, "packed-refs"));
        Assert.NotNull(RefFiles.TryRead(gitDirectory));
        Directory.CreateDirectory(Path.Combine(gitDirectory, "reftable"));
        Assert.Null(RefFiles.TryRead(gitDirectory));
    }

    private static string[] Describe(IEnumerable<Release.Sdk.Engine.History.GitBranch> branches) =>
        [.. branches.Select(b => $"{b.Name} {b.TipSha} {b.IsRemote}")];

    private static string[] Describe(IEnumerable<Release.Sdk.Engine.History.GitTag> tags) =>
        [.. tags.Select(t => $"{t.Name} {t.CommitSha}")];
}
