using Release.Sdk.TestKit;

namespace Release.Sdk.Git.Tests;

public sealed class TagTests
{
    [Fact]
    public void AnnotatedAndLightweightTagsArePeeledToTheirCommits()
    {
        using var repo = new TempGitRepo();
        var first = repo.Commit("feat: one");
        repo.Tag("v1.0.0", annotation: "release 1.0.0");
        var second = repo.Commit("fix: two");
        repo.Tag("v1.0.1");

        using var history = Histories.Open(repo);

        Histories.Check(repo, () => Assert.Equal(
            [new("v1.0.0", first), new("v1.0.1", second)],
            history.Tags.Select(t => new KeyValuePair<string, string>(t.Name, t.CommitSha))));
    }

    [Fact]
    public void TagsOnTreesAndBlobsAreLeftOut()
    {
        using var repo = new TempGitRepo();
        var commit = repo.Commit("feat: one", "a.txt");
        repo.Git("tag", "on-tree", "HEAD^{tree}");
        repo.Git("tag", "on-blob", "HEAD:a.txt");
        repo.Git("tag", "-a", "annotated-on-blob", "-m", "blob", "HEAD:a.txt");
        repo.Tag("v1.0.0");

        using var history = Histories.Open(repo);

        Assert.Equal([("v1.0.0", commit)], history.Tags.Select(t => (t.Name, t.CommitSha)));
    }

    [Fact]
    public void TagOfATagIsPeeledToTheCommit()
    {
        using var repo = new TempGitRepo();
        var commit = repo.Commit("feat: one");
        repo.Tag("inner", annotation: "inner");
        repo.Git("tag", "-a", "outer", "-m", "outer", "inner");

        using var history = Histories.Open(repo);

        Assert.All(history.Tags, t => Assert.Equal(commit, t.CommitSha));
        Assert.Equal(["inner", "outer"], history.Tags.Select(t => t.Name));
    }

    [Fact]
    public void TagsAreStillPeeledWhenReadFromTheCacheFile()
    {
        using var repo = new TempGitRepo();
        var commit = repo.Commit("feat: one");
        repo.Tag("v1.0.0", annotation: "release");
        using (var warm = Histories.Open(repo)) _ = warm.TagsReachableFrom(commit);

        using var history = Histories.OpenAsNewProcess(repo);

        Assert.Equal([("v1.0.0", commit)], history.Tags.Select(t => (t.Name, t.CommitSha)));
        Assert.Equal(["v1.0.0"], history.TagsReachableFrom(commit));
    }
}
