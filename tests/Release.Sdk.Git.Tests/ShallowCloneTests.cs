using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Git.Shallow;
using Release.Sdk.TestKit;

namespace Release.Sdk.Git.Tests;

public sealed class ShallowCloneTests
{
    /// <summary>c1 c2 c3(v1.0.0) c4 c5 on main.</summary>
    private static TempGitRepo Origin()
    {
        var origin = new TempGitRepo();
        origin.Commit("feat: one");
        origin.Commit("feat: two");
        origin.Commit("feat: three");
        origin.Tag("v1.0.0", annotation: "1.0.0");
        origin.Commit("fix: four");
        origin.Commit("fix: five");
        return origin;
    }

    [Fact]
    public void CompleteCloneIsNotShallowAndNeverHitsABoundary()
    {
        using var origin = Origin();
        using var clone = TempGitRepo.Clone(origin);
        using var history = Histories.Open(clone);

        Assert.False(history.State.IsShallow);
        Assert.False(history.WalkHitsShallowBoundary(history.State.HeadSha!, []));
    }

    [Fact]
    public void WalkToAMissingTagHitsTheShallowBoundary()
    {
        using var origin = Origin();
        using var clone = TempGitRepo.Clone(origin, "--depth", "2");
        using var history = Histories.Open(clone);
        var head = history.State.HeadSha!;

        Histories.Check(clone, () =>
        {
            Assert.True(history.State.IsShallow);
            Assert.Empty(history.TagsReachableFrom(head));
            Assert.True(history.WalkHitsShallowBoundary(head, []));
            Assert.Equal(2, history.CommitsSince(head, []).Count);
            Assert.Equal(0, history.CommitsSince(head, [])[^1].ParentCount);
        });
    }

    [Fact]
    public void WalkThatStopsAtAFetchedTagDoesNotHitTheBoundary()
    {
        using var origin = Origin();
        using var clone = TempGitRepo.Clone(origin, "--depth", "3");
        using var history = Histories.Open(clone);
        var head = history.State.HeadSha!;
        var tag = Assert.Single(history.Tags);

        Histories.Check(clone, () =>
        {
            Assert.True(history.State.IsShallow);
            Assert.Equal(["v1.0.0"], history.TagsReachableFrom(head));
            Assert.False(history.WalkHitsShallowBoundary(head, [tag.CommitSha]));
            Assert.Equal(2, history.CommitsSince(head, [tag.CommitSha]).Count);
            Assert.True(history.WalkHitsShallowBoundary(head, []));
        });
    }

    [Fact]
    public void DeepeningFetchesTheWholeHistoryAndTags()
    {
        using var origin = Origin();
        using var clone = TempGitRepo.Clone(origin, "--depth", "1");
        string head;
        using (var shallow = Histories.Open(clone))
        {
            head = shallow.State.HeadSha!;
            Assert.True(shallow.WalkHitsShallowBoundary(head, []));
        }

        ShallowCloneDeepener.Deepen(clone.Path);

        using var deep = Histories.Open(clone);
        Histories.Check(clone, () =>
        {
            Assert.False(deep.State.IsShallow);
            Assert.Equal(["v1.0.0"], deep.TagsReachableFrom(head));
            Assert.Equal(5, deep.CommitsSince(head, []).Count);
            Assert.False(deep.WalkHitsShallowBoundary(head, []));
        });
    }

    [Fact]
    public void DeepenFailureIsCodedAndKeepsCredentialsOut()
    {
        using var origin = Origin();
        using var clone = TempGitRepo.Clone(origin, "--depth", "1");
        clone.Git("remote", "set-url", "origin", "http://ci-user:s3cret-token@127.0.0.1:9/repo.git");

        var error = Assert.Throws<ReleaseException>(() => ShallowCloneDeepener.Deepen(clone.Path, TimeSpan.FromMinutes(1)));

        Assert.Equal("RSDK2002", error.Code);
        Assert.DoesNotContain("s3cret-token", error.Message);
        Assert.Contains("127.0.0.1", error.Message);
    }

    [Theory]
    [InlineData("fatal: unable to access 'https://x-access-token:ghs_abc@github.com/o/r.git/': error",
                "fatal: unable to access 'https://***@github.com/o/r.git/': error")]
    [InlineData("remote: ssh://git@host/repo and https://host/no-user stay readable",
                "remote: ssh://***@host/repo and https://host/no-user stay readable")]
    public void CredentialsInUrlsAreScrubbed(string text, string expected) =>
        Assert.Equal(expected, CredentialScrubber.Scrub(text));
}
