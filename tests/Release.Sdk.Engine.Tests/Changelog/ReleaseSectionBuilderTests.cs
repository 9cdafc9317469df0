using Release.Sdk.Engine.Changelog;
using Release.Sdk.Engine.Tests.Fakes;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Tests.Changelog;

public sealed class ReleaseSectionBuilderTests
{
    private static IReadOnlyList<ReleaseTag> ReleaseTags(FakeRepository repo) =>
        repo.Tags.Select(t => new ReleaseTag(t.Name, SemVer.Parse(t.Name[1..]), t.CommitSha, [null])).ToList();

    private static Dictionary<string, (string? Previous, string Subjects)> Summary(FakeRepository repo) =>
        ReleaseSectionBuilder.Build(repo, ReleaseTags(repo)).ToDictionary(
            s => s.Tag,
            s => (s.PreviousTag, string.Join(",", s.Commits.Select(c => c.Message.Split(':')[1].Trim()))));

    [Fact]
    public void EachReleaseGetsTheCommitsSinceThePreviousOne()
    {
        var repo = new FakeRepository()
            .Commits("feat: a", "fix: b").Tag("v1.0.0")
            .Commits("feat: c").Tag("v1.1.0")
            .Commits("fix: d", "fix: e").Tag("v1.1.1");

        var summary = Summary(repo);

        Assert.Equal((null, "b,a"), summary["v1.0.0"]);
        Assert.Equal(("v1.0.0", "c"), summary["v1.1.0"]);
        Assert.Equal(("v1.1.0", "e,d"), summary["v1.1.1"]);
    }

    [Fact]
    public void StableReleaseAfterPrereleasesCoversEverythingSinceTheLastStableRelease()
    {
        var repo = new FakeRepository()
            .Commits("feat: a").Tag("v1.0.0")
            .Commits("feat!: b").Tag("v2.0.0-beta.1")
            .Commits("fix: c").Tag("v2.0.0-beta.2")
            .Commits("fix: d").Tag("v2.0.0");

        var summary = Summary(repo);

        Assert.Equal(("v1.0.0", "b"), summary["v2.0.0-beta.1"]);
        Assert.Equal(("v2.0.0-beta.1", "c"), summary["v2.0.0-beta.2"]);
        Assert.Equal(("v1.0.0", "d,c,b"), summary["v2.0.0"]);
    }

    [Fact]
    public void MaintenanceReleaseMadeAfterANewerLineOnlyHasItsOwnCommits()
    {
        var repo = new FakeRepository()
            .Commits("feat: a").Tag("v1.0.0")
            .Branch("1.x")
            .Commits("feat: b").Tag("v1.1.0")
            .Checkout("1.x")
            .Commits("fix: c").Tag("v1.0.1");

        var sections = ReleaseSectionBuilder.Build(repo, ReleaseTags(repo));
        var summary = Summary(repo);

        Assert.Equal(["v1.0.0", "v1.0.1", "v1.1.0"], sections.Select(s => s.Tag));
        Assert.Equal(("v1.0.0", "c"), summary["v1.0.1"]);
        Assert.Equal(("v1.0.0", "b"), summary["v1.1.0"]);
    }

    [Fact]
    public void SectionDateIsTheTaggedCommitsDate()
    {
        var repo = new FakeRepository().Commits("feat: a", "fix: b").Tag("v1.0.0");

        var section = Assert.Single(ReleaseSectionBuilder.Build(repo, ReleaseTags(repo)));

        Assert.Equal(repo.CommitsSince(repo.Head, [])[0].CommitterDate, section.Date);
    }
}
