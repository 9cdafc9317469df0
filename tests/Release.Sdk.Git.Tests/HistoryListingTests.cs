using Release.Sdk.Git.History;
using Release.Sdk.TestKit;

namespace Release.Sdk.Git.Tests;

/// <summary>The first build lists HEAD's history in two halves on two git processes; together they must be exactly one listing.</summary>
public sealed class HistoryListingTests
{
    [Theory]
    [InlineData("main")]       // the middle tag is an ancestor of HEAD
    [InlineData("side")]       // the middle tag sits on a branch HEAD never merged
    public void TwoHalvesListEveryAncestorOfHeadAndOfTheMiddleTagOnce(string middleOn)
    {
        using var repo = new TempGitRepo();
        var tags = new List<(string Name, string Target)>();
        for (var i = 1; i <= 16; i++)
        {
            repo.Commit($"fix: main {i}");
            if (i % 2 == 0) tags.Add(($"v1.{i}.0", repo.Head));
            if (i == 4)
            {
                repo.Checkout("side", create: true);
                repo.Commit("feat: side 1");
                repo.Commit("feat: side 2");
                if (middleOn == "side") tags.Add(("v1.9.5", repo.Head));
                repo.Checkout("main");
            }
            if (i == 9 && middleOn == "main") repo.Merge("side");
        }
        foreach (var (name, target) in tags) repo.Git("tag", name, target);
        var gitDirectory = Path.Combine(repo.Path, ".git");
        var middle = HistoryListing.MiddleTag(tags)!;
        Assert.Equal(tags.Single(t => t.Name == (middleOn == "side" ? "v1.9.5" : "v1.10.0")).Target, middle);

        using var listing = HistoryListing.Start(gitDirectory, tags)!;
        var listed = listing.Result()!;

        var expected = repo.Git("rev-list", "HEAD", middle).Split('\n', StringSplitOptions.RemoveEmptyEntries).Order().ToArray();
        Assert.Equal(expected, listed.Select(c => c.Id.ToSha()).Order().ToArray());
        var parents = repo.Git("rev-list", "--parents", "HEAD", middle).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(l => l[..40], l => l.Split(' ').Skip(1).ToArray());
        Assert.All(listed, c => Assert.Equal(parents[c.Id.ToSha()], c.Parents.Select(p => p.ToSha())));
    }

    [Fact]
    public void FewTagsMeanOneListingAndTheMiddleComparesNumbersAsNumbers()
    {
        Assert.Null(HistoryListing.MiddleTag([("v1.0.0", "a")]));
        var names = new[] { "v1.10.0", "v1.9.0", "v1.2.0", "v1.100.0", "v2.0.0", "v1.11.0", "v1.3.0", "v1.1.0", "v10.0.0" };
        Assert.Equal("v1.10.0", HistoryListing.MiddleTag([.. names.Select(n => (n, n))]));
    }
}
