using System.Text;
using NuGet.Versioning;
using Release.Sdk.Engine.Changelog;
using Release.Sdk.Engine.History;
using Release.Sdk.Engine.Versioning;
using Release.Sdk.Git.History;
using Release.Sdk.TestKit;

namespace Release.Sdk.Git.Tests;

/// <summary>
/// The many-at-once members (TagsReachableFromEach, CommitsSinceEach) and the changelog's section builder on top of
/// them, against the one-by-one members as the oracle: same answers, same order, on histories with merges,
/// maintenance branches, prereleases, tags sharing a commit, a committer clock going backwards and a shallow clone.
/// </summary>
public sealed class BatchedHistoryTests
{
    [Theory]
    [InlineData(true, false)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void SectionsEqualTheOneByOneAlgorithm(bool useGitCli, bool listHeadEarly)
    {
        using var repo = NonLinearRepo();

        var expected = Summaries(OneByOneSections(Fresh(repo, useGitCli: false)));
        using var history = Fresh(repo, useGitCli, listHeadEarly);
        var actual = Summaries(ReleaseSectionBuilder.Build(history, ReleaseTags(history)));

        Histories.Check(repo, () => Assert.Equal(expected, actual));
        Assert.Contains(actual, s => s.StartsWith("v2.0.0 after v1.0.0:", StringComparison.Ordinal));
        if (useGitCli && !listHeadEarly)
        {
            // Read in two git log halves (ten release tags), each commit once although the skewed clock may repeat some.
            var all = repo.Git(["rev-list", "--count", .. history.Tags.Select(t => t.CommitSha)]);
            Assert.Equal(int.Parse(all, System.Globalization.CultureInfo.InvariantCulture), history.CommitsListedByGitCli);
            Assert.Equal(0, history.CommitsReadFromGit);
        }
    }

    [Fact]
    public void SectionsEqualTheOneByOneAlgorithmOnAWarmStore()
    {
        using var repo = NonLinearRepo();
        using var history = Fresh(repo, useGitCli: true);
        var cold = Summaries(Build(history));
        var warm = Summaries(Build(history));

        using var oneByOne = Fresh(repo, useGitCli: false);
        Assert.Equal(Summaries(OneByOneSections(oneByOne)), warm);
        Assert.Equal(cold, warm);
    }

    [Fact]
    public void ManyWalksEqualOneByOneWalks()
    {
        using var repo = NonLinearRepo();
        using var reference = Fresh(repo, useGitCli: false);
        var commits = reference.Tags.Select(t => t.CommitSha).Append(repo.Head).Distinct().ToList();
        var walks = commits
            .SelectMany(head => new[]
            {
                new CommitWalk(head, []),
                new CommitWalk(head, commits.Where(c => c != head).ToList()),
                new CommitWalk(head, commits.Where((c, i) => c != head && i % 2 == 0).ToList()),
                new CommitWalk(head, [head]),
            })
            .ToList();

        using var batched = Fresh(repo, useGitCli: true);
        var reachable = batched.TagsReachableFromEach(commits);
        var since = batched.CommitsSinceEach(walks);

        Histories.Check(repo, () =>
        {
            Assert.Equal(commits.Select(c => reference.TagsReachableFrom(c).Order(StringComparer.Ordinal)), reachable.Select(r => r.Order(StringComparer.Ordinal)));
            for (var i = 0; i < walks.Count; i++)
                Assert.Equal(reference.CommitsSince(walks[i].HeadSha, walks[i].ExcludeShas), since[i]);
        });
    }

    [Fact]
    public void AFirstHistoryIsReadInOneGitLogPassWithTheCommitsLibGit2Reads()
    {
        using var repo = new TempGitRepo();
        repo.Commit("feat: plain");
        repo.Commit("\n\nfix: leading blank lines\n\nbody   \n\n\n");
        repo.Tag("v1.0.0");
        repo.Commit("chore: no trailing newline");
        repo.Commit("feat(ü): ünïcödé — 🚀\r\n\r\nCRLF body\r\n");
        repo.GitWithEnv(new Dictionary<string, string?> { ["GIT_AUTHOR_NAME"] = "  Zoë Smith ", ["GIT_AUTHOR_EMAIL"] = "zoe@example.org" },
            "commit", "-q", "--allow-empty", "-m", "docs: odd author");
        repo.Tag("v1.1.0", annotation: "annotated");
        repo.GitWithEnv(new Dictionary<string, string?> { ["GIT_COMMITTER_DATE"] = "2024-06-02T10:00:00+05:30" },
            "commit", "-q", "--allow-empty", "-m", "fix: committed in another zone");
        CommitLatin1(repo, "fix: caf\u00e9 in latin-1\n\nna\u00efve body\n");
        repo.Tag("v1.1.1");
        repo.Git("commit", "-q", "--allow-empty", "--cleanup=verbatim", "-m", "feat: after the last tag, not read");

        using var history = Fresh(repo, useGitCli: true);
        var tags = history.Tags.Select(t => t.CommitSha).ToList();
        var viaLog = history.CommitsSinceEach([.. tags.Select(t => new CommitWalk(t, []))]);

        // All listed by git log; only the Latin-1 commit's details come from its object (git log would re-encode them).
        Assert.Equal(7, history.CommitsListedByGitCli);
        Assert.Equal(6, history.CommitsReadByGitCli);
        Assert.Equal(1, history.CommitsReadFromGit);
        using var libgit2 = Fresh(repo, useGitCli: false);
        for (var i = 0; i < tags.Count; i++)
        {
            var expected = libgit2.CommitsSince(tags[i], []).ToArray();
            Assert.Equal(expected, viaLog[i]);
            Assert.Equal(expected.Select(c => c.CommitterDate.Offset), viaLog[i].Select(c => c.CommitterDate.Offset));
        }
        Assert.Contains(viaLog[^1], c => c.CommitterDate.Offset == TimeSpan.FromMinutes(330));
    }

    [Fact]
    public void ShallowCloneAnswersEqualOneByOne()
    {
        using var origin = NonLinearRepo();
        using var clone = TempGitRepo.Clone(origin, "--depth", "4", "--no-single-branch");
        clone.Git("fetch", "-q", "--depth", "4", "origin", "+refs/tags/*:refs/tags/*");

        var expected = Summaries(OneByOneSections(Fresh(clone, useGitCli: false)));
        var actual = Summaries(Build(Fresh(clone, useGitCli: true)));

        Histories.Check(clone, () => Assert.Equal(expected, actual));
        Assert.NotEmpty(actual);
    }

    [Fact]
    public void DescendantMarksTellAncestryLikeAWalk()
    {
        using var repo = NonLinearRepo();
        using var history = Fresh(repo, useGitCli: true);
        history.TagsReachableFromEach([.. history.Tags.Select(t => t.CommitSha)]);
        var store = HistoryCaches.StoreFor(Histories.DirectoriesOf(repo), Histories.DirectoriesOf(repo).ShallowFingerprint());
        int[] marks = [.. history.Tags.Select(t => ObjectKey.TryParse(t.CommitSha, out var id) && store.TryGetIndex(id, out var index) ? index : -1)];
        Assert.DoesNotContain(-1, marks);

        var descendants = DescendantMarks.Build(store, marks);

        foreach (var mark in marks.Distinct())
        {
            var ancestors = CommitWalker.Ancestors(store, [mark]);
            for (var c = 0; c < store.Count; c++) Assert.Equal(ancestors[c], descendants.IsAncestorOf(c, mark));
        }
    }

    /// <summary>
    /// v1.0.0 ─ beta.1 ─ beta.2 ─ d ─ merge(feature) [v2.0.0] ─ merge(1.x) ─ e [v2.1.0] ─ skewed [v2.1.1, v3.0.0-alpha.1]
    ///    │                  └─ f (feature) ─────┘                 │
    ///    └─ 1.x: maint [v1.0.1] ─ maint2 [v1.0.2] ──────────────────┘   plus v1.0.3 on 1.x after the merge
    /// </summary>
    private static TempGitRepo NonLinearRepo()
    {
        var repo = new TempGitRepo();
        repo.Commit("feat: a");
        repo.Tag("v1.0.0", annotation: "first");
        repo.Git("branch", "1.x");
        repo.Commit("feat!: b");
        repo.Tag("v2.0.0-beta.1");
        repo.Commit("fix: c");
        repo.Tag("v2.0.0-beta.2");
        repo.Checkout("feature", create: true);
        repo.Commit("feat(feature): f");
        repo.Checkout("main");
        repo.Commit("fix: d");
        repo.Merge("feature");
        repo.Tag("v2.0.0");
        repo.Checkout("1.x");
        repo.Commit("fix(maint): maint");
        repo.Tag("v1.0.1");
        repo.Commit("fix(maint): maint2");
        repo.Tag("v1.0.2");
        repo.Checkout("main");
        repo.Merge("1.x");
        repo.Commit("feat: e");
        repo.Tag("v2.1.0");
        // A committer clock going backwards: the walk order is by date, not by ancestry.
        repo.GitWithEnv(new Dictionary<string, string?> { ["GIT_COMMITTER_DATE"] = "2024-05-01T00:00:00Z" },
            "commit", "-q", "--allow-empty", "-m", "fix: skewed clock");
        repo.Tag("v2.1.1");
        repo.Tag("v3.0.0-alpha.1");
        repo.Checkout("1.x");
        repo.Commit("fix(maint): maint3");
        repo.Tag("v1.0.3");
        repo.Checkout("main");
        return repo;
    }

    private static void CommitLatin1(TempGitRepo repo, string message)
    {
        var file = Path.Combine(Path.GetTempPath(), $"rsdk-latin1-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(file, Encoding.Latin1.GetBytes(message));
        try { repo.Git("-c", "i18n.commitEncoding=ISO-8859-1", "commit", "-q", "--allow-empty", "--cleanup=verbatim", "-F", file); }
        finally { File.Delete(file); }
    }

    /// <summary>A first run: no cache in memory or on disk; as the changelog opens it unless told otherwise.</summary>
    private static GitRepositoryHistory Fresh(TempGitRepo repo, bool useGitCli, bool listHeadEarly = false)
    {
        HistoryCaches.Forget(Histories.DirectoriesOf(repo));
        if (File.Exists(Histories.CacheFile(repo))) File.Delete(Histories.CacheFile(repo));
        return GitRepositoryHistory.Open(repo.Path, useGitCli, listHeadEarly)!;
    }

    private static IReadOnlyList<ReleaseTag> ReleaseTags(IRepositoryHistory history) =>
        new ReleaseTagIndex(history, TagFormat.Parse("v${version}")).All;

    private static IReadOnlyList<ReleaseSection> Build(GitRepositoryHistory history)
    {
        using (history) return ReleaseSectionBuilder.Build(history, ReleaseTags(history));
    }

    /// <summary>The section builder as it was before the batched members: one reachability and one walk per release.</summary>
    private static IReadOnlyList<ReleaseSection> OneByOneSections(GitRepositoryHistory history)
    {
        using (history)
        {
            var ordered = ReleaseTags(history)
                .DistinctBy(t => t.Version, VersionComparer.Default)
                .OrderBy(t => t.Version, VersionComparer.Default)
                .ToList();
            var sections = new List<ReleaseSection>();
            for (var i = 0; i < ordered.Count; i++)
            {
                var release = ordered[i];
                var reachable = history.TagsReachableFrom(release.CommitSha);
                var earlier = ordered.Take(i).Where(t => reachable.Contains(t.Name) && Follows(release, t)).ToList();
                var commits = history.CommitsSince(release.CommitSha, earlier.Select(t => t.CommitSha).ToHashSet(StringComparer.Ordinal));
                var tagged = commits.FirstOrDefault(c => c.Sha == release.CommitSha);
                sections.Add(new ReleaseSection(release, earlier.LastOrDefault(), [.. commits], tagged?.CommitterDate));
            }
            return sections;
        }

        static bool Follows(ReleaseTag release, ReleaseTag earlier) =>
            !earlier.Version.IsPrerelease
            || (release.Version.IsPrerelease && Label(release.Version) == Label(earlier.Version));

        static string Label(SemanticVersion version) => version.ReleaseLabels.FirstOrDefault() ?? "";
    }

    /// <summary>One line per section: tag, previous tag, date and every commit (sha, subject, date), in order.</summary>
    private static List<string> Summaries(IReadOnlyList<ReleaseSection> sections) =>
        [.. sections.Select(s => $"{s.Tag} after {s.PreviousTag ?? "-"}: {s.Date:O} " +
            string.Join(" | ", s.Commits.Select(c => $"{c.ShortSha} {c.Message.Split('\n')[0]} {c.CommitterDate:O} {c.AuthorName}")))];
}
