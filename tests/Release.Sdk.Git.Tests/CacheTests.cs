using Release.Sdk.Engine.History;
using Release.Sdk.Git.History;
using Release.Sdk.TestKit;

namespace Release.Sdk.Git.Tests;

public sealed class CacheTests
{
    private static TempGitRepo RepoWithHistory(int commits)
    {
        var repo = new TempGitRepo();
        for (var i = 1; i <= commits; i++)
        {
            repo.Commit($"fix: change {i}");
            if (i % 5 == 0) repo.Tag($"v1.0.{i / 5}");
        }
        return repo;
    }

    private static int ComputeLikeTheEngine(GitRepositoryHistory history)
    {
        var head = history.State.HeadSha!;
        var reachable = history.TagsReachableFrom(head);
        var last = history.Tags.Where(t => reachable.Contains(t.Name)).MaxBy(t => Version.Parse(t.Name[1..]));
        return history.CommitsSince(head, last is null ? [] : [last.CommitSha]).Count;
    }

    [Fact]
    public void NewProcessAfterANewCommitReadsOnlyThatCommit()
    {
        using var repo = RepoWithHistory(12);
        using (var cold = Histories.OpenAsNewProcess(repo))
        {
            Assert.Equal(2, ComputeLikeTheEngine(cold));
            Assert.Equal(12, cold.CommitsListedByGitCli);
            // The two commits since the last tag came with their messages from the first build's read-ahead.
            Assert.Equal(0, cold.CommitsReadFromGit);
        }
        repo.Commit("feat: new");

        using var warm = Histories.OpenAsNewProcess(repo);

        Assert.Equal(3, ComputeLikeTheEngine(warm));
        Assert.Equal(1, warm.CommitsReadFromGit);
        Assert.Equal(0, warm.CommitsListedByGitCli);
    }

    [Fact]
    public void AFewNewCommitsGoToTheJournalInsteadOfRewritingTheCacheFile()
    {
        using var repo = RepoWithHistory(12);
        using (var cold = Histories.OpenAsNewProcess(repo)) ComputeLikeTheEngine(cold);
        var file = Histories.CacheFile(repo);
        var written = File.GetLastWriteTimeUtc(file);
        repo.Commit("feat: new");
        using (var first = Histories.OpenAsNewProcess(repo)) Assert.Equal(3, ComputeLikeTheEngine(first));

        using var second = Histories.OpenAsNewProcess(repo);

        Assert.Equal(3, ComputeLikeTheEngine(second));
        Assert.Equal(0, second.CommitsReadFromGit);
        Assert.Equal(written, File.GetLastWriteTimeUtc(file));
        Assert.True(File.Exists(CommitJournalFile.PathFor(file)));
    }

    [Fact]
    public void EachNewProcessReadsOnlyTheCommitsMadeSinceTheBuildBefore()
    {
        using var repo = RepoWithHistory(12);
        using (var cold = Histories.OpenAsNewProcess(repo)) ComputeLikeTheEngine(cold);
        var counts = new List<(int Since, int Read)>();
        for (var i = 0; i < 4; i++)
        {
            repo.Commit($"feat: new {i}");
            using var build = Histories.OpenAsNewProcess(repo);
            counts.Add((ComputeLikeTheEngine(build), build.CommitsReadFromGit));
        }

        Assert.Equal([(3, 1), (4, 1), (5, 1), (6, 1)], counts);
        using var check = Histories.OpenAsNewProcess(repo);
        var since = check.CommitsSince(check.State.HeadSha!, [repo.Git("rev-parse", "v1.0.2")]);
        Assert.Equal(repo.Git("log", "--format=%H %s", "v1.0.2..HEAD").Split('\n'), since.Select(c => $"{c.Sha} {c.Message.TrimEnd()}"));
    }

    [Theory]
    [InlineData("torn")]
    [InlineData("flipped")]
    [InlineData("other store file")]
    public void ADamagedOrForeignJournalIsIgnored(string damage)
    {
        using var repo = RepoWithHistory(12);
        using (var cold = Histories.OpenAsNewProcess(repo)) ComputeLikeTheEngine(cold);
        repo.Commit("feat: one");
        using (var first = Histories.OpenAsNewProcess(repo)) ComputeLikeTheEngine(first);
        repo.Commit("feat: two");
        using (var second = Histories.OpenAsNewProcess(repo)) ComputeLikeTheEngine(second);
        var journal = CommitJournalFile.PathFor(Histories.CacheFile(repo));
        var bytes = File.ReadAllBytes(journal);
        switch (damage)
        {
            case "torn":
                File.WriteAllBytes(journal, bytes[..^5]);
                break;
            case "flipped":
                bytes[^12] ^= 0x40;
                File.WriteAllBytes(journal, bytes);
                break;
            default:
                bytes[14] ^= 0x01; // the store file's checksum the journal names
                File.WriteAllBytes(journal, bytes);
                break;
        }

        using var after = Histories.OpenAsNewProcess(repo);

        Assert.Equal(4, ComputeLikeTheEngine(after));
        // A torn or flipped last record loses only that record (one commit); a foreign journal loses both.
        Assert.Equal(damage == "other store file" ? 2 : 1, after.CommitsReadFromGit);
    }

    [Fact]
    public void RewritingTheStoreFileRemovesTheJournalItHolds()
    {
        using var repo = RepoWithHistory(12);
        using (var cold = Histories.OpenAsNewProcess(repo)) ComputeLikeTheEngine(cold);
        repo.Commit("feat: one");
        using (var first = Histories.OpenAsNewProcess(repo)) ComputeLikeTheEngine(first);
        var file = Histories.CacheFile(repo);
        Assert.True(File.Exists(CommitJournalFile.PathFor(file)));

        var store = CommitStoreFile.TryLoad(file, Histories.DirectoriesOf(repo).ShallowFingerprint())!;
        Assert.Equal(1, CommitJournalFile.Replay(file, store));
        Assert.Equal(13, store.Count);
        CommitStoreFile.TrySave(file, store);

        Assert.False(File.Exists(CommitJournalFile.PathFor(file)));
        using var reloaded = Histories.OpenAsNewProcess(repo);
        Assert.Equal(3, ComputeLikeTheEngine(reloaded));
        Assert.Equal(0, reloaded.CommitsReadFromGit);
    }

    [Fact]
    public void SameProcessWithUnchangedRefsDoesNotOpenLibGit2()
    {
        using var repo = RepoWithHistory(7);
        using (var first = Histories.Open(repo)) ComputeLikeTheEngine(first);

        using var second = Histories.Open(repo);

        Assert.Equal(2, ComputeLikeTheEngine(second));
        Assert.False(second.OpenedLibGit2);
        Assert.Equal(0, second.CommitsReadFromGit);
    }

    [Fact]
    public void SameProcessSeesANewTagAndANewCommit()
    {
        using var repo = RepoWithHistory(7);
        using (var first = Histories.Open(repo)) Assert.Equal(2, ComputeLikeTheEngine(first));
        repo.Tag("v1.0.9");
        using (var afterTag = Histories.Open(repo)) Assert.Equal(0, ComputeLikeTheEngine(afterTag));
        repo.Commit("feat: after tag");

        using var afterCommit = Histories.Open(repo);

        Assert.Equal(1, ComputeLikeTheEngine(afterCommit));
        Assert.Equal(1, afterCommit.CommitsReadFromGit);
    }

    [Fact]
    public void CorruptCacheFileIsIgnoredAndRewritten()
    {
        using var repo = RepoWithHistory(6);
        using (var first = Histories.OpenAsNewProcess(repo)) ComputeLikeTheEngine(first);
        var file = Histories.CacheFile(repo);
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(file, bytes);

        using (var second = Histories.OpenAsNewProcess(repo))
        {
            Assert.Equal(1, ComputeLikeTheEngine(second));
            Assert.Equal(6, second.CommitsListedByGitCli);
        }

        using var third = Histories.OpenAsNewProcess(repo);
        Assert.Equal(1, ComputeLikeTheEngine(third));
        Assert.Equal(0, third.CommitsReadFromGit + third.CommitsListedByGitCli);
    }

    [Fact]
    public void HistoryListedInTheBackgroundStillAnswersWhenHeadMovesMeanwhile()
    {
        using var repo = RepoWithHistory(5);
        using var history = Histories.OpenAsNewProcess(repo);   // cold: git starts listing HEAD's history now
        var moved = repo.Commit("fix: made while the first build was opening");

        // Whether git listed HEAD before or after the commit, the answer for the new commit is complete.
        Assert.Equal(6, history.CommitsSince(moved, []).Count);
        Assert.Equal(5, history.CommitsSince(repo.Git("rev-parse", "HEAD~1"), []).Count);
        Assert.InRange(history.CommitsListedByGitCli, 5, 6);
    }

    [Fact]
    public void GarbageOrForeignCacheFileIsIgnored()
    {
        using var repo = RepoWithHistory(3);
        var file = Histories.CacheFile(repo);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "not a cache");

        using var history = Histories.OpenAsNewProcess(repo);

        Assert.Equal(3, history.CommitsSince(history.State.HeadSha!, []).Count);
        Assert.Equal(3, history.CommitsListedByGitCli);
    }

    [Fact]
    public void CommitGraphFileSavesReadingCommitsBehindTheLastTag()
    {
        using var repo = RepoWithHistory(20);
        repo.Commit("feat: after the last tag");
        repo.Git("commit-graph", "write", "--reachable");
        repo.Commit("feat: after the graph was written");

        using var history = Histories.OpenAsNewProcess(repo);

        Assert.Equal(2, ComputeLikeTheEngine(history));
        // one commit newer than the graph, plus the details (message, author) of the two commits since v1.0.4
        Assert.Equal(1 + 1, history.CommitsReadFromGit);
        Assert.StartsWith("feat: after the last tag",
            history.CommitsSince(history.State.HeadSha!, [repo.Git("rev-parse", "v1.0.4")])[1].Message);
    }

    /// <summary>
    /// Without tags every message is needed: the first build lists the history with its messages (two walks over the
    /// packs) even when a commit-graph file could give the shape, instead of reading each message afterwards.
    /// </summary>
    [Fact]
    public void WithoutTagsTheFirstBuildListsTheHistoryWithItsMessagesEvenWithACommitGraphFile()
    {
        using var repo = new TempGitRepo();
        for (var i = 0; i < 30; i++) repo.Commit(i % 3 == 0 ? $"feat: feature {i}" : $"fix: fix {i}\n\nbody {i}");
        repo.Git("gc", "-q");
        repo.Git("commit-graph", "write", "--reachable");
        Assert.True(File.Exists(Path.Combine(repo.Path, ".git", "objects", "info", "commit-graph")));

        using var history = Histories.OpenAsNewProcess(repo);
        var since = history.CommitsSince(history.State.HeadSha!, []);

        Assert.Equal(30, since.Count);
        Assert.Equal(30, history.CommitsListedByGitCli);
        Assert.Equal(0, history.CommitsReadFromGit);
        Assert.Equal(0, history.CommitsReadByGitCli);
        Assert.Equal(repo.Git("log", "--format=%H %B%x00", "HEAD").Split('\0').Select(m => m.Trim()).Where(m => m.Length > 0),
            since.Select(c => $"{c.Sha} {c.Message.Trim()}"));
    }

    [Fact]
    public void FirstWalkThroughGitCliAndThroughLibGit2Agree()
    {
        using var repo = new TempGitRepo();
        repo.Commit("feat: base");
        repo.Tag("v1.0.0", annotation: "1.0.0");
        repo.Checkout("side", create: true);
        repo.Commit("fix: side");
        repo.Tag("side-tag");
        repo.Checkout("main");
        repo.Commit("feat: main");
        repo.Merge("side");
        repo.Commit("fix: after merge");
        var head = repo.Head;
        var tagCommit = repo.Git("rev-parse", "v1.0.0^{commit}");

        (string[] Tags, string[] Since, int[] Parents, long[] Times) Walk(bool useGitCli)
        {
            HistoryCaches.Forget(Histories.DirectoriesOf(repo));
            if (File.Exists(Histories.CacheFile(repo))) File.Delete(Histories.CacheFile(repo));
            using var history = GitRepositoryHistory.Open(repo.Path, useGitCli)!;
            var since = history.CommitsSince(head, [tagCommit]);
            Assert.Equal(useGitCli ? 5 : 0, history.CommitsListedByGitCli);
            return ([.. history.TagsReachableFrom(head).Order()], [.. since.Select(c => c.Sha)],
                [.. since.Select(c => c.ParentCount)], [.. since.Select(c => c.CommitterDate.ToUnixTimeSeconds())]);
        }

        var viaCli = Walk(useGitCli: true);
        var viaLibGit2 = Walk(useGitCli: false);

        Assert.Equal(viaLibGit2.Tags, viaCli.Tags);
        Assert.Equal(viaLibGit2.Since, viaCli.Since);
        Assert.Equal(viaLibGit2.Parents, viaCli.Parents);
        Assert.Equal(viaLibGit2.Times, viaCli.Times);
        Assert.Equal(repo.Git("log", "--format=%H", head, "^" + tagCommit).Split('\n'), viaCli.Since);
    }

    [Fact]
    public void BulkReadThroughGitCliGivesTheSameCommitsAsLibGit2()
    {
        using var repo = new TempGitRepo();
        repo.Commit("feat: plain");
        repo.Commit("\n\nfix: leading blank lines\n\nbody   \n\n\n");
        repo.Commit("chore: no trailing newline");
        repo.Commit("feat(ü): ünïcödé — 🚀\r\n\r\nCRLF body\r\n");
        repo.GitWithEnv(new Dictionary<string, string?> { ["GIT_AUTHOR_NAME"] = "Zoë <Q> Smith", ["GIT_AUTHOR_EMAIL"] = "zoe@example.org" },
            "commit", "-q", "--allow-empty", "-m", "docs: odd author");
        repo.GitWithEnv(new Dictionary<string, string?> { ["GIT_COMMITTER_DATE"] = "2024-06-02T10:00:00+05:30" },
            "commit", "-q", "--allow-empty", "-m", "fix: committed in another zone");
        var head = repo.Head;

        CommitInfo[] Read(bool useGitCli)
        {
            HistoryCaches.Forget(Histories.DirectoriesOf(repo));
            if (File.Exists(Histories.CacheFile(repo))) File.Delete(Histories.CacheFile(repo));
            using var history = GitRepositoryHistory.Open(repo.Path, useGitCli)!;
            history.BulkDetailsThreshold = 1;
            var commits = history.CommitsSince(head, []).ToArray();
            // With git: no tag, so the first build's listing is one git log pass with the messages; nothing via libgit2.
            Assert.Equal(useGitCli ? 0 : 6, history.CommitsReadFromGit);
            return commits;
        }

        var viaCli = Read(useGitCli: true);
        var viaLibGit2 = Read(useGitCli: false);

        // The other bulk reader (git cat-file --batch, for details missing from a cache) says the same.
        var ids = viaLibGit2.Select(c => ObjectKey.TryParse(c.Sha, out var k) ? k : default).ToArray();
        var batch = GitCliCommitReader.TryRead(Path.Combine(repo.Path, ".git"), ids)!;
        Assert.Equal(viaLibGit2.Select(c => (c.Message, c.AuthorName, c.AuthorEmail, c.CommitterDate)),
            ids.Select(id => (batch[id].Message, batch[id].AuthorName, batch[id].AuthorEmail, batch[id].CommitterDate)));

        Assert.Equal(viaLibGit2, viaCli);
        Assert.Equal(viaLibGit2.Select(c => c.CommitterDate.Offset), viaCli.Select(c => c.CommitterDate.Offset));
        Assert.Equal(TimeSpan.FromMinutes(330), viaCli[0].CommitterDate.Offset);
    }

    [Fact]
    public void CacheFileRoundTripsAndRejectsTruncation()
    {
        var store = new CommitStore("");
        var root = Key(1);
        var child = Key(2);
        var when = new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.FromHours(2));
        store.Add([
            new RawCommit(child, [root], when, new CommitDetails("Ann", "ann@example.com", "feat: ü\n", when)),
            new RawCommit(root, [], when.AddMinutes(-1), Details: null),
        ]);
        store.AddPeeledTag(Key(3), child);
        store.AddPeeledTag(Key(4), null);
        Assert.True(store.TryGetIndex(child, out var childIndex));
        Assert.True(store.TryGetIndex(root, out var rootIndex));
        store.Remember(new ReachabilityMemo(childIndex, [Math.Min(childIndex, rootIndex), Math.Max(childIndex, rootIndex)], [true, false]));

        var bytes = CommitStoreFile.Serialize(store);
        var loaded = CommitStoreFile.Parse(bytes, "")!;

        Assert.True(loaded.TryGetIndex(child, out var c));
        Assert.Equal("feat: ü\n", loaded.MessageOf(loaded[c]));
        Assert.Equal(120, loaded[c].CommitterOffsetMinutes);
        Assert.True(loaded.TryGetIndex(root, out var r));
        Assert.Equal([r], loaded.ParentsOf(c).ToArray());
        Assert.False(loaded[r].HasDetails);
        Assert.True(loaded.TryGetPeeledTag(Key(3), out var peeled) && peeled == child);
        Assert.True(loaded.TryGetPeeledTag(Key(4), out var none) && none is null);
        var memo = Assert.Single(loaded.Memos);
        Assert.Equal(childIndex, memo.Head);
        Assert.Equal(store.Memos[0].Targets, memo.Targets);
        Assert.Equal(store.Memos[0].Reachable, memo.Reachable);
        Assert.Null(CommitStoreFile.Parse(bytes[..^1], ""));
        Assert.Null(CommitStoreFile.Parse(bytes, "other-shallow-state"));
        for (var position = 0; position < bytes.Length; position += 7)
        {
            var damaged = bytes.ToArray();
            damaged[position] ^= 0x20;
            Assert.Null(CommitStoreFile.Parse(damaged, ""));
        }
    }

    [Fact]
    public void AnalysisFileRoundTripsEveryRecordShapeAndRejectsDamage()
    {
        var store = new CommitStore("");
        var when = new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
        store.Add([new RawCommit(Key(1), [], when, null), new RawCommit(Key(2), [Key(1)], when, null), new RawCommit(Key(3), [Key(2)], when, null)]);
        var table = new AnalyzedCommitTable("fingerprint", store.Count);
        var facts = new Release.Sdk.Engine.Analysis.AnalyzedCommit[]
        {
            new Release.Sdk.Engine.Analysis.AnalyzedCommit(false, Release.Sdk.Engine.Analysis.ReleaseType.Minor, "feat", 7, null),
            new Release.Sdk.Engine.Analysis.AnalyzedCommit(true, Release.Sdk.Engine.Analysis.ReleaseType.None, null, 0, null),
            new Release.Sdk.Engine.Analysis.AnalyzedCommit(false, Release.Sdk.Engine.Analysis.ReleaseType.Patch, "revert", 9,
                new Release.Sdk.Engine.Commits.CommitRevert("feat: x", "abcdef1")),
        };
        for (var i = 0; i < facts.Length; i++) table.Set(i, facts[i]);

        var bytes = AnalyzedCommitFile.Serialize(table, store);
        var loaded = AnalyzedCommitFile.Parse(bytes, "fingerprint", store)!;

        Assert.Equal(3, loaded.Count);
        for (var i = 0; i < facts.Length; i++)
        {
            Assert.True(loaded.TryGet(i, out var f));
            Assert.Equal(facts[i], f);
        }
        Assert.False(loaded.TryGet(facts.Length, out _));
        Assert.Null(AnalyzedCommitFile.Parse(bytes, "other", store));
        Assert.Null(AnalyzedCommitFile.Parse(bytes[..^1], "fingerprint", store));
        for (var position = 0; position < bytes.Length; position += 3)
        {
            var damaged = bytes.ToArray();
            damaged[position] ^= 0x04;
            Assert.Null(AnalyzedCommitFile.Parse(damaged, "fingerprint", store));
        }
    }

    [Fact]
    public void CoveringWalkMarksReachableTargetsAndNeverAnUnreachableOne()
    {
        // root <- a <- merge -> side (side also from root); other hangs off root alone
        var store = new CommitStore("");
        var when = new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
        store.Add([
            new RawCommit(Key(1), [], when, null), new RawCommit(Key(2), [Key(1)], when, null), new RawCommit(Key(3), [Key(1)], when, null),
            new RawCommit(Key(4), [Key(2), Key(3)], when, null), new RawCommit(Key(5), [Key(1)], when, null),
        ]);
        int I(byte b) => store.TryGetIndex(Key(b), out var i) ? i : -1;

        HashSet<int> Reachable(int start, params int[] targets) =>
            CommitWalker.ReachableTargets(store, start, [.. targets.Distinct().Order()], []);

        Assert.Equal([I(3)], Reachable(I(4), I(3), I(5)));
        Assert.Equal([I(3)], Reachable(I(4), I(3), I(3)));
        Assert.Empty(Reachable(I(2), I(3)));
        Assert.Equal([I(4)], Reachable(I(4), I(4)));
        Assert.Equal([I(1), I(2), I(3)], Reachable(I(4), I(1), I(2), I(3), I(5)).Order());
    }

    [Fact]
    public void MemosStopTheWalkWithoutChangingTheAnswer()
    {
        // A chain 1 <- 2 <- ... <- 8 with a side branch 9 off 2 merged at 10 (parents 8 and 9); 11 hangs off 1 alone.
        var store = new CommitStore("");
        var when = new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var commits = new List<RawCommit> { new(Key(1), [], when, null) };
        for (byte b = 2; b <= 8; b++) commits.Add(new RawCommit(Key(b), [Key((byte)(b - 1))], when, null));
        commits.Add(new RawCommit(Key(9), [Key(2)], when, null));
        commits.Add(new RawCommit(Key(10), [Key(8), Key(9)], when, null));
        commits.Add(new RawCommit(Key(11), [Key(1)], when, null));
        store.Add(commits);
        int I(byte b) => store.TryGetIndex(Key(b), out var i) ? i : -1;
        int[] targets = [.. new[] { I(1), I(3), I(9), I(11) }.Order()];

        var plain = CommitWalker.ReachableTargets(store, I(10), targets, []);
        Assert.Equal(new[] { I(1), I(3), I(9) }.Order(), plain.Order());

        // A memo at 8 answers for 1 and 3; 9 is only found through the other parent of the merge.
        var at8 = CommitWalker.ReachableTargets(store, I(8), targets, []);
        var memo = new ReachabilityMemo(I(8), targets, Array.ConvertAll(targets, at8.Contains));
        Assert.Equal(plain.Order(), CommitWalker.ReachableTargets(store, I(10), targets, [memo]).Order());

        // A memo that does not know every target is not used (its head could hide one): still exact.
        var partial = new ReachabilityMemo(I(8), [I(3)], [true]);
        Assert.Equal(plain.Order(), CommitWalker.ReachableTargets(store, I(10), targets, [partial]).Order());

        // A wrong memo would show: proof that the walk really stops at the memo's head.
        var lying = new ReachabilityMemo(I(8), targets, [false, false, false, true]);
        Assert.Equal(new[] { I(1), I(9), I(11) }.Order(), CommitWalker.ReachableTargets(store, I(10), targets, [lying]).Order());
    }

    private static ObjectKey Key(byte b)
    {
        var raw = new byte[ObjectKey.Size];
        raw[0] = b;
        return ObjectKey.FromBytes(raw);
    }
}
