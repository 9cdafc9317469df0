using LibGit2Sharp;
using Release.Sdk.Git.History;
using Release.Sdk.TestKit;

namespace Release.Sdk.Git.Tests;

/// <summary>The hand reader of loose commit objects must say exactly what libgit2 says, or nothing.</summary>
public sealed class LooseCommitReaderTests
{
    private static readonly IReadOnlySet<ObjectKey> NoBoundary = new HashSet<ObjectKey>();

    [Fact]
    public void ReadsWhatLibGit2ReadsForOrdinaryMergeUnicodeAndSignedCommits()
    {
        using var repo = new TempGitRepo();
        var shas = new List<string> { repo.Commit("feat: first\n\nbody line\n\nBREAKING CHANGE: x") };
        repo.Checkout("side", create: true);
        shas.Add(repo.Commit("fix: ünïcødé 🚀 on side"));
        repo.Checkout("main");
        shas.Add(repo.Commit("docs: main"));
        shas.Add(repo.Merge("side"));
        shas.Add(SignedLookingCommit(repo, shas[^1]));

        var gitDirectory = Path.Combine(repo.Path, ".git");
        using var libgit2 = new Repository(gitDirectory);
        foreach (var sha in shas)
        {
            Assert.True(ObjectKey.TryParse(sha, out var id));
            var loose = LooseCommitReader.TryRead(gitDirectory, id, NoBoundary);
            var reference = libgit2.Lookup<Commit>(sha);
            Assert.NotNull(loose);
            Assert.Equal(reference.Parents.Select(p => p.Sha), loose.Parents.Select(p => p.ToSha()));
            Assert.Equal(reference.Message, loose.Details!.Message);
            Assert.Equal((reference.Author.Name, reference.Author.Email), (loose.Details.AuthorName, loose.Details.AuthorEmail));
            Assert.Equal(reference.Committer.When, loose.CommitterDate);
            Assert.Equal(reference.Committer.When.Offset, loose.CommitterDate.Offset);
        }
    }

    [Fact]
    public void PackedMissingOrMalformedObjectsAreLeftToLibGit2()
    {
        using var repo = new TempGitRepo();
        var sha = repo.Commit("feat: one");
        var gitDirectory = Path.Combine(repo.Path, ".git");
        Assert.True(ObjectKey.TryParse(sha, out var id));

        Assert.Null(LooseCommitReader.Parse(id, "commit 5\0tree"u8, NoBoundary));
        Assert.Null(LooseCommitReader.Parse(id, "blob 3\0abc"u8, NoBoundary));
        Assert.Null(LooseCommitReader.Parse(id, "commit 9\0parent x\n\n"u8, NoBoundary));

        // A loose object whose checksum (git ends it with the content's Adler-32) or deflate data is damaged.
        var path = Path.Combine(gitDirectory, "objects", sha[..2], sha[2..]);
        var intact = File.ReadAllBytes(path);
        Assert.NotNull(LooseCommitReader.TryRead(gitDirectory, id, NoBoundary));
        File.SetAttributes(path, FileAttributes.Normal);
        foreach (var at in new[] { intact.Length - 1, intact.Length / 2, 2 })
        {
            var damaged = (byte[])intact.Clone();
            damaged[at] ^= 0x5A;
            File.WriteAllBytes(path, damaged);
            Assert.Null(LooseCommitReader.TryRead(gitDirectory, id, NoBoundary));
        }
        File.WriteAllBytes(path, intact);

        repo.Git("gc", "-q", "--prune=now");
        Assert.Null(LooseCommitReader.TryRead(gitDirectory, id, NoBoundary));
        Assert.True(ObjectKey.TryParse(new string('1', 40), out var missing));
        Assert.Null(LooseCommitReader.TryRead(gitDirectory, missing, NoBoundary));
    }

    [Fact]
    public void AShallowBoundaryCommitHasNoParents()
    {
        using var repo = new TempGitRepo();
        repo.Commit("feat: one");
        var sha = repo.Commit("fix: two");
        Assert.True(ObjectKey.TryParse(sha, out var id));

        var commit = LooseCommitReader.TryRead(Path.Combine(repo.Path, ".git"), id, new HashSet<ObjectKey> { id });

        Assert.Empty(commit!.Parents);
    }

    /// <summary>A commit with a multi-line gpgsig header (continuation lines start with a space), written as a loose object.</summary>
    private static string SignedLookingCommit(TempGitRepo repo, string parent)
    {
        var tree = repo.Git("rev-parse", parent + "^{tree}");
        var content =
            $"tree {tree}\nparent {parent}\nauthor Sig Ner <sig@example.com> 1717243200 -0730\ncommitter Sig Ner <sig@example.com> 1717243260 +0545\n" +
            "gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n\nchore: signed\n";
        var file = Path.Combine(repo.Path, "..", Guid.NewGuid().ToString("N") + ".commit");
        File.WriteAllText(file, content);
        try { return repo.Git("hash-object", "-t", "commit", "-w", file); }
        finally { File.Delete(file); }
    }
}
