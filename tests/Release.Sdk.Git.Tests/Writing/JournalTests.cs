using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Git.Writing;
using Release.Sdk.TestKit;

namespace Release.Sdk.Git.Tests.Writing;

/// <summary>The release journal as git notes on the tag's commit, pushed to a real bare origin and read from another clone.</summary>
public sealed class JournalTests
{
    [Fact]
    public void EntriesArePushedAsANoteOnTheTagsCommitAndReadByAFreshClone()
    {
        using var repos = new OriginAndClone();
        repos.Clone.Tag("v1.0.0", annotation: "v1.0.0\n\nthe notes");
        repos.Clone.Git("push", "-q", "origin", "v1.0.0");
        var warnings = new List<Diagnostic>();
        var journal = repos.Open().OpenJournal("origin", "v1.0.0", null, warnings.Add);

        journal.MarkDone("github:release", "https://example.test/releases/1");
        journal.MarkDone("notify:slack:success");

        Assert.Empty(warnings);
        var note = repos.Origin.Git("notes", "--ref", "release-sdk", "show", repos.Clone.Head);
        Assert.Contains("\"github:release\": \"https://example.test/releases/1\"", note, StringComparison.Ordinal);
        using var fresh = TempGitRepo.Clone(repos.Origin);
        fresh.Git("fetch", "-q", "origin", "refs/tags/v1.0.0:refs/tags/v1.0.0");
        using var freshRepository = GitReleaseRepository.Open(fresh.Path)!;
        var reread = freshRepository.OpenJournal("origin", "v1.0.0", null, warnings.Add);
        Assert.True(reread.IsDone("github:release"));
        Assert.True(reread.IsDone("notify:slack:success"));
        Assert.False(reread.IsDone("nuget:push"));
    }

    [Fact]
    public void ConcurrentEntriesFromAnotherCloneAreMergedNotLost()
    {
        using var repos = new OriginAndClone();
        repos.Clone.Tag("v1.0.0", annotation: "v1.0.0");
        repos.Clone.Git("push", "-q", "origin", "v1.0.0");
        var other = repos.AnotherClone();
        other.Git("fetch", "-q", "origin", "refs/tags/v1.0.0:refs/tags/v1.0.0");
        var warnings = new List<Diagnostic>();
        var mine = repos.Open().OpenJournal("origin", "v1.0.0", null, warnings.Add);
        using var otherRepository = GitReleaseRepository.Open(other.Path)!;
        var theirs = otherRepository.OpenJournal("origin", "v1.0.0", null, warnings.Add);

        theirs.MarkDone("github:release");
        mine.MarkDone("nuget:push");

        Assert.Empty(warnings);
        var note = repos.Origin.Git("notes", "--ref", "release-sdk", "show", repos.Clone.Head);
        Assert.Contains("github:release", note, StringComparison.Ordinal);
        Assert.Contains("nuget:push", note, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnreachableRemoteIsAWarningAndTheEntryStaysKnownLocally()
    {
        using var repos = new OriginAndClone();
        repos.Clone.Tag("v1.0.0", annotation: "v1.0.0");
        var warnings = new List<Diagnostic>();
        var repository = repos.Open();
        repos.Clone.Git("remote", "set-url", "origin", Path.Combine(Path.GetTempPath(), "no-such-origin-" + Guid.NewGuid().ToString("N")));

        var journal = repository.OpenJournal("origin", "v1.0.0", null, warnings.Add);
        journal.MarkDone("github:release");

        Assert.True(journal.IsDone("github:release"));
        var warning = Assert.Single(warnings);
        Assert.Equal(DiagnosticCatalog.JournalNotSaved, warning.Descriptor);
    }

    [Fact]
    public void TheTagMessageIsFetchedWhenTheTagIsOnlyOnTheRemote()
    {
        using var repos = new OriginAndClone();
        var other = repos.AnotherClone();
        other.Commit("chore(release): 1.1.0", "CHANGELOG.md");
        // (git tag -m would strip "#" lines as comments; the release run tags through libgit2, verbatim)
        other.Tag("v1.1.0", annotation: "v1.1.0\n\nFeatures\n\n* feature");
        other.Git("push", "-q", "origin", "main", "v1.1.0");
        var repository = repos.Open();

        Assert.Equal("v1.1.0\n\nFeatures\n\n* feature\n", repository.TagMessage("origin", "v1.1.0", null));
        Assert.Null(repository.TagMessage("origin", "v9.9.9", null));
    }
}
