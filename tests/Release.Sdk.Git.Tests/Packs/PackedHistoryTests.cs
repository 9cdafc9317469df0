using LibGit2Sharp;
using Release.Sdk.Git.History;
using Release.Sdk.Git.History.Packs;
using Release.Sdk.TestKit;

namespace Release.Sdk.Git.Tests.Packs;

/// <summary>
/// Reading pack files by hand must give exactly <c>git rev-list</c>'s commits, parents and committer times (and
/// libgit2's messages), or nothing at all so that the caller asks git.
/// </summary>
public sealed class PackedHistoryTests
{
    private static readonly IReadOnlySet<ObjectKey> NoBoundary = new HashSet<ObjectKey>();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ListsWhatRevListListsAcrossPacksLooseObjectsMergesAndTags(bool twoWalks)
    {
        using var repo = HistoryWithMergesAndTags();
        // Two packs (one from gc, one from an incremental repack), then loose commits on top.
        repo.Git("gc", "-q");
        repo.Commit("feat: after gc");
        repo.Commit("fix: after gc 2");
        repo.Git("repack", "-q", "-d");
        repo.Commit("docs: loose 1");
        repo.Commit("fix: loose 2");
        Assert.True(Directory.GetFiles(Path.Combine(repo.Path, ".git", "objects", "pack"), "*.pack").Length >= 2);

        var middle = repo.Git("rev-parse", "v1.4.0^{commit}");
        var starts = twoWalks ? new[] { repo.Head, middle } : [repo.Head];
        var listed = PackedHistory.TryRead(Path.Combine(repo.Path, ".git"), Keys(starts), NoBoundary, withDetails: false);

        Assert.NotNull(listed);
        AssertSameAsRevList(repo, listed, starts);
    }

    /// <summary>A second walk from a guessed commit: an ancestor, a commit off HEAD's history, a descendant of HEAD.</summary>
    [Theory]
    [InlineData("v1.2.0^{commit}", true)]
    [InlineData("other", false)]
    [InlineData("side", true)]
    [InlineData("HEAD~3", true)]
    public void AHelperWalkFromAnyCommitListsExactlyRevListsCommits(string helper, bool withDetails)
    {
        using var repo = HistoryWithMergesAndTags();
        repo.Git("gc", "-q");
        repo.Commit("fix: loose on top");
        var gitDirectory = Path.Combine(repo.Path, ".git");

        var listed = PackedHistory.TryReadHelped(gitDirectory, Keys([repo.Head])[0], Keys([repo.Git("rev-parse", helper)])[0], NoBoundary, withDetails);

        Assert.NotNull(listed);
        AssertSameAsRevList(repo, listed, [repo.Head]);
        if (withDetails) Assert.All(listed, c => Assert.Equal(repo.Git("log", "-1", "--format=%B", c.Id.ToSha()).TrimEnd(), c.Details!.Message.TrimEnd()));
    }

    [Fact]
    public void TheCommitInTheMiddleOfAPackIsAboutHalfwayDownTheHistory()
    {
        using var repo = new TempGitRepo();
        FastImport(repo, commits: 600);
        repo.Git("repack", "-q", "-a", "-d");
        var order = repo.Git("rev-list", "HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

        using var objects = PackedObjects.TryOpen(Path.Combine(repo.Path, ".git"));
        var sample = objects!.SampleCommits(minimumObjects: 0);

        Assert.NotNull(sample);
        var depth = order.IndexOf(sample.Middle.ToSha());
        Assert.InRange(depth, order.Count / 5, order.Count * 4 / 5);
        // The estimates a first build reserves the store's room by: about the commits there are, and what their objects take.
        Assert.InRange(sample.EstimatedCommits, 480, 720);
        var objectBytes = repo.Git("cat-file", "--batch-all-objects", "--batch-check=%(objecttype) %(objectsize)")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("commit ")).Sum(l => long.Parse(l["commit ".Length..]));
        Assert.InRange(sample.EstimatedObjectBytes, objectBytes * 8 / 10, objectBytes * 12 / 10);
        Assert.Null(objects.SampleCommits());
        var listed = PackedHistory.TryReadHelped(Path.Combine(repo.Path, ".git"), Keys([repo.Head])[0], sample.Middle, NoBoundary, withDetails: true);
        Assert.Equal(order.Order(), listed!.Select(c => c.Id.ToSha()).Order());
    }

    /// <summary>
    /// A first build of a long history without tags writes its store file on another thread while the engine works:
    /// a new process must then find every commit with its message in that file, and a commit made after it goes to
    /// the journal, not lost between the background write and the end of the build.
    /// </summary>
    [Fact]
    public void AFirstBuildWithoutTagsWritesTheStoreInTheBackgroundAndANewProcessReadsItAll()
    {
        using var repo = new TempGitRepo();
        // 7,000 commits (21,000 objects): enough for the two walks and the room reserved from the packs' sample.
        FastImport(repo, commits: 7000);
        repo.Git("repack", "-q", "-a", "-d");
        List<(string Sha, string Message)> first;
        using (var cold = Histories.OpenAsNewProcess(repo))
        {
            Assert.Empty(cold.Tags);
            first = cold.CommitsSince(repo.Head, []).Select(c => (c.Sha, c.Message)).ToList();
            Assert.Equal(7000, cold.CommitsListedByGitCli);
        }
        Assert.True(File.Exists(Histories.CacheFile(repo)));

        using (var warm = Histories.OpenAsNewProcess(repo))
        {
            Assert.Equal(first, warm.CommitsSince(repo.Head, []).Select(c => (c.Sha, c.Message)).ToList());
            Assert.Equal(0, warm.CommitsListedByGitCli);
            Assert.Equal(0, warm.CommitsReadFromGit);
        }
        Assert.Equal(repo.Git("log", "-1", "--format=%B", "HEAD~6999").TrimEnd(), first[^1].Message.TrimEnd());

        repo.Commit("feat: after the first build");
        using (var next = Histories.OpenAsNewProcess(repo)) Assert.Equal(7001, next.CommitsSince(repo.Head, []).Count);
        using var again = Histories.OpenAsNewProcess(repo);
        Assert.Equal(7001, again.CommitsSince(repo.Head, []).Count);
        Assert.Equal(0, again.CommitsReadFromGit);
    }

    /// <summary>The warm-up's sample must really be a commit that inflates and parses, or it compiles nothing.</summary>
    [Fact]
    public void TheWarmUpInflatesAndParsesItsSampleCommit() => Assert.True(PackedHistory.WarmUp());

    /// <summary>Many commits at once (git fast-import), each changing one file.</summary>
    private static void FastImport(TempGitRepo repo, int commits)
    {
        var stream = new System.Text.StringBuilder();
        for (var i = 1; i <= commits; i++)
        {
            var message = $"fix(core): change {i}";
            stream.Append($"commit refs/heads/main\nmark :{i}\ncommitter T <t@example.com> {1_700_000_000 + i * 60} +0000\n");
            stream.Append($"data {System.Text.Encoding.UTF8.GetByteCount(message)}\n{message}\n");
            if (i > 1) stream.Append($"from :{i - 1}\n");
            stream.Append($"M 644 inline file.txt\ndata {i.ToString().Length}\n{i}\n\n");
        }
        var psi = new System.Diagnostics.ProcessStartInfo("git", "fast-import --quiet") { WorkingDirectory = repo.Path, RedirectStandardInput = true };
        using var process = System.Diagnostics.Process.Start(psi)!;
        process.StandardInput.Write(stream.ToString());
        process.StandardInput.Close();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        repo.Git("reset", "-q", "--hard", "main");
    }

    [Fact]
    public void ReadsCommitsStoredAsDeltasAndTheirMessages()
    {
        using var repo = new TempGitRepo();
        // Long, nearly identical messages: a forced repack stores some of these commits as deltas of others.
        var body = string.Concat(Enumerable.Range(0, 120).Select(i => $"Shared body line {i} with enough text to be worth a delta.\n"));
        for (var i = 0; i < 12; i++) repo.Commit($"fix: change {i}\n\n{body}Refs #{i}\n");
        repo.Git("repack", "-q", "-a", "-d", "-f", "--window=50", "--depth=50");
        var verify = repo.Git("verify-pack", "-v", Directory.GetFiles(Path.Combine(repo.Path, ".git", "objects", "pack"), "*.idx").Single());
        Assert.Contains(verify.Split('\n'), l => l.Contains(" commit ") && l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 7);

        var gitDirectory = Path.Combine(repo.Path, ".git");
        var listed = PackedHistory.TryRead(gitDirectory, Keys([repo.Head]), NoBoundary, withDetails: true);

        Assert.NotNull(listed);
        AssertSameAsRevList(repo, listed, [repo.Head]);
        using var libgit2 = new Repository(gitDirectory);
        foreach (var commit in listed)
        {
            var reference = libgit2.Lookup<Commit>(commit.Id.ToSha());
            Assert.Equal(reference.Message, commit.Details!.Message);
            Assert.Equal((reference.Author.Name, reference.Author.Email), (commit.Details.AuthorName, commit.Details.AuthorEmail));
        }
        var details = PackedHistory.TryReadDetails(gitDirectory, [.. listed.Select(c => c.Id)]);
        Assert.NotNull(details);
        Assert.All(listed, c => Assert.Equal(c.Details!.Message, details[c.Id].Message));
    }

    [Fact]
    public void PeelsAnAnnotatedTagGivenAsAStart()
    {
        using var repo = HistoryWithMergesAndTags();
        repo.Git("gc", "-q");
        var tagObject = repo.Git("rev-parse", "v1.2.0");
        Assert.NotEqual(repo.Git("rev-parse", "v1.2.0^{commit}"), tagObject);

        var listed = PackedHistory.TryRead(Path.Combine(repo.Path, ".git"), Keys([tagObject]), NoBoundary, withDetails: false);

        Assert.NotNull(listed);
        AssertSameAsRevList(repo, listed, ["v1.2.0^{commit}"]);
    }

    [Fact]
    public void AShallowBoundaryCommitHasNoParentsAsGitSays()
    {
        using var source = HistoryWithMergesAndTags();
        using var clone = TempGitRepo.Clone(source, "--depth", "3");
        clone.Git("gc", "-q");
        var gitDirectory = Path.Combine(clone.Path, ".git");
        var boundary = GitDirectories.From(gitDirectory).ReadShallowBoundary();
        Assert.NotEmpty(boundary);

        var listed = PackedHistory.TryRead(gitDirectory, Keys([clone.Head]), boundary, withDetails: false);

        Assert.NotNull(listed);
        AssertSameAsRevList(clone, listed, [clone.Head]);
    }

    /// <summary>An empty pack pair (a crashed fetch, a full disk) is git's to report: the reader declines it, and a
    /// first build without tags still lists its history (through git, which skips the file), without an exception.</summary>
    [Fact]
    public void AnEmptyPackIsDeclinedAndAFirstBuildStillListsItsHistory()
    {
        using var repo = new TempGitRepo();
        FastImport(repo, commits: 30);
        repo.Git("repack", "-q", "-a", "-d");
        var empty = Path.Combine(repo.Path, ".git", "objects", "pack", "pack-" + new string('0', 40));
        File.WriteAllBytes(empty + ".idx", []);
        File.WriteAllBytes(empty + ".pack", []);

        Assert.Null(PackedObjects.TryOpen(Path.Combine(repo.Path, ".git")));
        using var history = Histories.OpenAsNewProcess(repo);
        Assert.Empty(history.Tags);
        Assert.Equal(30, history.CommitsSince(repo.Head, []).Count);
    }

    [Fact]
    public void AMissingObjectGivesNothingSoTheCallerAsksGit()
    {
        using var repo = HistoryWithMergesAndTags();
        repo.Git("gc", "-q");
        var parent = repo.Commit("fix: loose parent");
        repo.Commit("fix: loose child");
        var loose = Path.Combine(repo.Path, ".git", "objects", parent[..2], parent[2..]);
        File.SetAttributes(loose, FileAttributes.Normal);
        File.Delete(loose);

        Assert.Null(PackedHistory.TryRead(Path.Combine(repo.Path, ".git"), Keys([repo.Head]), NoBoundary, withDetails: false));
    }

    [Fact]
    public void ACorruptPackGivesNothingOrTheTruthNeverAnotherHistory()
    {
        using var repo = HistoryWithMergesAndTags();
        repo.Git("gc", "-q");
        var pack = Directory.GetFiles(Path.Combine(repo.Path, ".git", "objects", "pack"), "*.pack").Single();
        File.SetAttributes(pack, FileAttributes.Normal);
        var bytes = File.ReadAllBytes(pack);
        var random = new Random(5);
        var expected = RevList(repo, [repo.Head]);
        for (var i = 0; i < 40; i++)
        {
            var broken = bytes.ToArray();
            broken[random.Next(12, broken.Length - 20)] ^= (byte)(1 << random.Next(8));
            File.WriteAllBytes(pack, broken);
            var listed = PackedHistory.TryRead(Path.Combine(repo.Path, ".git"), Keys([repo.Head]), NoBoundary, withDetails: false);
            if (listed is not null) Assert.Equal(expected.Keys.Order(), listed.Select(c => c.Id.ToSha()).Order());
        }
    }

    [Fact]
    public void UnsupportedObjectStoresAreNotRead()
    {
        using var repo = HistoryWithMergesAndTags();
        repo.Git("gc", "-q");
        var common = Path.Combine(repo.Path, ".git");
        Assert.True(PackedObjects.IsReadable(common));

        File.WriteAllText(Path.Combine(common, "objects", "info", "alternates"), "/elsewhere/objects\n");
        Assert.False(PackedObjects.IsReadable(common));
        File.Delete(Path.Combine(common, "objects", "info", "alternates"));

        repo.Git("replace", repo.Git("rev-parse", "HEAD~1"), repo.Git("rev-parse", "HEAD~2"));
        Assert.False(PackedObjects.IsReadable(common));
    }

    [Fact]
    public void AFirstBuildReadingPacksComputesWhatLibGit2Computes()
    {
        using var repo = HistoryWithMergesAndTags();
        repo.Git("gc", "-q");
        repo.Commit("feat: new since the last release");

        var last = repo.Git("rev-parse", "v1.4.0^{commit}");
        var (packedTags, packedSince, _) = FirstBuild(repo, useGitCli: true, last);
        var (libgit2Tags, libgit2Since, _) = FirstBuild(repo, useGitCli: false, last);

        Assert.Equal(libgit2Tags, packedTags);
        Assert.Equal(libgit2Since, packedSince);
    }

    /// <summary>What a first build sees: caches in memory and on disk dropped before.</summary>
    private static (string[] Tags, List<(string Sha, string Message)> Since, int ReadFromGit) FirstBuild(TempGitRepo repo, bool useGitCli, string last)
    {
        HistoryCaches.Clear();
        TempGitRepo.DeleteDirectory(Path.Combine(repo.Path, ".git", "release-sdk"));
        using var history = GitRepositoryHistory.Open(repo.Path, useGitCli)!;
        var tags = history.TagsReachableFrom(repo.Head).Order(StringComparer.Ordinal).ToArray();
        var since = history.CommitsSince(repo.Head, [last]).Select(c => (c.Sha, c.Message)).ToList();
        return (tags, since, history.CommitsReadFromGit);
    }

    private static TempGitRepo HistoryWithMergesAndTags()
    {
        var repo = new TempGitRepo();
        repo.Commit("feat: first");
        repo.Tag("v1.0.0");
        repo.Commit("fix: two");
        repo.Checkout("side", create: true);
        repo.Commit("feat: side 1");
        repo.Commit("fix: side 2 ünïcødé");
        repo.Checkout("main");
        repo.Commit("feat: three");
        repo.Tag("v1.2.0", annotation: "release 1.2.0");
        repo.Merge("side");
        repo.Commit("fix: four");
        repo.Tag("v1.4.0");
        repo.Checkout("other", create: true);
        repo.Commit("feat: never merged");
        repo.Tag("v9.0.0");
        repo.Checkout("main");
        for (var i = 0; i < 6; i++) repo.Commit($"chore: filler {i}");
        return repo;
    }

    private static ObjectKey[] Keys(IEnumerable<string> shas) => [.. shas.Select(s => ObjectKey.TryParse(s, out var k) ? k : throw new ArgumentException(s))];

    /// <summary>sha → (parents, committer time) as git prints them.</summary>
    private static Dictionary<string, (string[] Parents, long Time)> RevList(TempGitRepo repo, string[] starts) =>
        repo.Git(["log", "--format=%H %ct %P", .. starts, "--"]).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(p => p[0], p => (p.Skip(2).ToArray(), long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)));

    private static void AssertSameAsRevList(TempGitRepo repo, List<RawCommit> listed, string[] starts)
    {
        var expected = RevList(repo, starts);
        Assert.Equal(expected.Keys.Order(), listed.Select(c => c.Id.ToSha()).Order());
        Assert.Equal(listed.Count, listed.Select(c => c.Id).Distinct().Count());
        foreach (var commit in listed)
        {
            var (parents, time) = expected[commit.Id.ToSha()];
            Assert.Equal(parents, commit.Parents.Select(p => p.ToSha()));
            Assert.Equal(time, commit.CommitterDate.ToUnixTimeSeconds());
        }
    }
}
