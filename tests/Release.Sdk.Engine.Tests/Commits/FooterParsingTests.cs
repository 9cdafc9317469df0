using Release.Sdk.Engine.Analysis;

namespace Release.Sdk.Engine.Tests.Commits;

// Expected values checked against conventional-commits-parser 6.4.0 (node) with the presets' parser options.
public class FooterParsingTests
{
    [Theory]
    [InlineData("angular")]
    [InlineData("conventionalcommits")]
    public void BreakingChangeFooterIsANote(string preset)
    {
        var commit = Parse.With(preset, "feat: x\n\nBREAKING CHANGE: removed y");

        var note = Assert.Single(commit.Notes);
        Assert.Equal(("BREAKING CHANGE", "removed y"), (note.Title, note.Text));
        Assert.Equal("BREAKING CHANGE: removed y", commit.Footer);
        Assert.Equal("", commit.Body);
    }

    [Fact]
    public void HyphenatedFooterIsANoteOnlyForConventionalCommits()
    {
        const string message = "fix: z\n\nBREAKING-CHANGE: hyphen";

        Assert.Empty(Parse.Angular(message).Notes);
        Assert.Equal("BREAKING-CHANGE: hyphen", Parse.Angular(message).Body);
        Assert.Equal(("BREAKING-CHANGE", "hyphen"), (Parse.Conventional(message).Notes[0].Title, Parse.Conventional(message).Notes[0].Text));
    }

    [Fact]
    public void NoteKeywordsAreCaseInsensitiveAndMayBePrefixedBySpacesBarsAndStars()
    {
        Assert.Equal(("breaking change", "lower"), Single(Parse.Angular("feat: x\n\nbreaking change: lower")));
        Assert.Equal(("BREAKING CHANGE", "spaced"), Single(Parse.Angular("feat: x\n\n  * BREAKING CHANGE  spaced")));
    }

    [Fact]
    public void PluralKeywordNeedsTheNoteKeywordsOverride()
    {
        const string message = "feat: x\n\nBREAKING CHANGES: plural";

        Assert.Empty(Parse.Conventional(message).Notes);
        var overridden = Parse.With(Preset.ConventionalCommits, message, ["BREAKING CHANGE", "BREAKING CHANGES"]);
        Assert.Equal(("BREAKING CHANGES", "plural"), Single(overridden));
    }

    [Fact]
    public void OverridingNoteKeywordsReplacesThePresetsKeywords()
    {
        var commit = Parse.With(Preset.ConventionalCommits, "fix: z\n\nBREAKING-CHANGE: hyphen", ["BREAKING CHANGE", "BREAKING CHANGES"]);

        Assert.Empty(commit.Notes);
    }

    [Fact]
    public void NoteTextRunsOverFollowingLinesUntilAReferenceOrAnotherNote()
    {
        var commit = Parse.Angular("feat: notes\n\nBREAKING CHANGE: first\nsecond line\nthird\n\nBREAKING CHANGE: another\nCloses #9\nafter");

        Assert.Equal(2, commit.Notes.Count);
        Assert.Equal("first\nsecond line\nthird", commit.Notes[0].Text);
        Assert.Equal("another", commit.Notes[1].Text);
        Assert.Equal("9", Assert.Single(commit.References).Issue);
        Assert.Equal("BREAKING CHANGE: first\nsecond line\nthird\n\nBREAKING CHANGE: another\nCloses #9\nafter", commit.Footer);
    }

    [Fact]
    public void ReferencesInHeaderBodyAndFooter()
    {
        var commit = Parse.Angular("fix(parser): handle x (#42)\n\nCloses #17");

        Assert.Equal(
            [(null, null, null, "42", "fix(parser): handle x (#42", "#"), ("Closes", null, null, "17", "#17", "#")],
            commit.References.Select(r => (r.Action, r.Owner, r.Repository, r.Issue, r.Raw, r.Prefix)));
        Assert.Equal("", commit.Body);
        Assert.Equal("Closes #17", commit.Footer);
    }

    [Fact]
    public void OwnerRepositoryReferencesAndSeveralActionsOnOneLine()
    {
        var commit = Parse.Conventional("feat: a\n\nRefs: owner/repo#12, #13\nCloses #14 fixes #15");

        Assert.Equal(
            [(null, "owner", "repo", "12"), (null, null, null, "13"), ("Closes", null, null, "14"), ("fixes", null, null, "15")],
            commit.References.Select(r => (r.Action, r.Owner, r.Repository, r.Issue)));
    }

    [Fact]
    public void TokenHashValueFooterIsAReferenceAndTokenColonFootersStayInTheFooter()
    {
        var commit = Parse.Angular("fix: x\n\nFixes: #12\nReviewed-by: Z\nRefs #133");

        Assert.Equal(["12", "133"], commit.References.Select(r => r.Issue));
        Assert.Equal("Fixes: #12\nReviewed-by: Z\nRefs #133", commit.Footer);
        Assert.Equal("", commit.Body);
    }

    [Fact]
    public void ALineWithAnIssueReferenceEndsTheBodyAndEverythingAfterIsFooter()
    {
        var commit = Parse.Angular("feat: a\n\nbody #12 body\nmore body");

        Assert.Equal("", commit.Body);
        Assert.Equal("body #12 body\nmore body", commit.Footer);
    }

    [Fact]
    public void ActionKeywordsMatchInsideWordsAsTheRegexDoes()
    {
        var commit = Parse.Angular("fix: prefix #12 suffixes #13");

        Assert.Equal([("fix", "12"), ("fixes", "13")], commit.References.Select(r => (r.Action, r.Issue)));
    }

    [Fact]
    public void ASentenceWithAUrlYieldsNoReferences()
    {
        var commit = Parse.Angular("fix: see https://github.com/x/y/issues/1 #2");

        Assert.Empty(commit.References);
    }

    [Fact]
    public void DuplicateReferencesAreDroppedCaseInsensitively()
    {
        var commit = Parse.Angular("feat: x\n\nCloses #12\ncloses #12");

        Assert.Single(commit.References);
    }

    [Fact]
    public void MetaFieldLinesCaptureTheRestOfTheMessage()
    {
        var commit = Parse.Angular("feat: x\n\n-hash-\nabc\n-type-\nfix");

        Assert.Equal("feat\nfix", commit.Type);
        Assert.Equal("abc", commit.Field("hash"));
        Assert.Equal("", commit.Body);
    }

    private static (string Title, string Text) Single(Release.Sdk.Engine.Commits.ConventionalCommit commit)
    {
        var note = Assert.Single(commit.Notes);
        return (note.Title, note.Text);
    }
}
