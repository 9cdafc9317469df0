using Release.Sdk.Engine.Analysis;

namespace Release.Sdk.Engine.Tests.Commits;

// Expected values were produced by conventional-commits-parser 6.4.0 with each preset's parser options (node,
// /work/shared/peers/node_modules) and a differential run of ~12,000 generated messages showed no difference.
public class HeaderParsingTests
{
    [Theory]
    [InlineData("angular")]
    [InlineData("conventionalcommits")]
    public void TypeScopeAndSubjectComeFromTheHeader(string preset)
    {
        var commit = Parse.With(preset, "fix(parser): handle x (#42)");

        Assert.Equal(("fix", "parser", "handle x (#42)"), (commit.Type, commit.Scope, commit.Subject));
        Assert.Equal("fix(parser): handle x (#42)", commit.Header);
        Assert.True(commit.IsConventional);
        Assert.False(commit.IsBreaking);
    }

    [Fact]
    public void AngularDoesNotParseABangHeaderAtAll()
    {
        var commit = Parse.Angular("feat!: drop old runtime");

        Assert.Null(commit.Type);
        Assert.Null(commit.Subject);
        Assert.Empty(commit.Notes);
        Assert.Equal("feat!: drop old runtime", commit.Header);
    }

    [Fact]
    public void ConventionalCommitsBangAddsABreakingNoteWhoseTextIsTheSubject()
    {
        var commit = Parse.Conventional("fix(api)!: rename field");

        Assert.Equal(("fix", "api", "rename field"), (commit.Type, commit.Scope, commit.Subject));
        var note = Assert.Single(commit.Notes);
        Assert.Equal(("BREAKING CHANGE", "rename field"), (note.Title, note.Text));
    }

    [Fact]
    public void BangWithAFooterKeepsOnlyTheFooterNote()
    {
        var commit = Parse.Conventional("feat(x)!: bang\n\nBREAKING CHANGE: also footer");

        var note = Assert.Single(commit.Notes);
        Assert.Equal("also footer", note.Text);
    }

    [Fact]
    public void ScopeIsGreedyUpToTheLastParenthesisBeforeColonSpace()
    {
        var commit = Parse.Angular("feat(a): b (c): d");

        Assert.Equal(("feat", "a): b (c", "d"), (commit.Type, commit.Scope, commit.Subject));
    }

    [Fact]
    public void EmptyScopeAndEmptyTypeBecomeNull()
    {
        Assert.Equal(("feat", (string?)null), (Parse.Angular("feat(): empty scope").Type, Parse.Angular("feat(): empty scope").Scope));
        var untyped = Parse.Conventional(": no type");
        Assert.Null(untyped.Type);
        Assert.Equal("no type", untyped.Subject);
        Assert.True(untyped.HeaderMatched);
    }

    [Theory]
    [InlineData("feat:nospace")]
    [InlineData("Update stuff")]
    [InlineData("WIP")]
    [InlineData("Fixed bug in parser")]
    [InlineData("Merge pull request #5 from owner/branch")]
    [InlineData("feat-x: dash is not a word character")]
    public void NonConventionalHeadersHaveNoType(string message)
    {
        Assert.Null(Parse.Angular(message).Type);
        Assert.Null(Parse.Conventional(message).Type);
    }

    [Fact]
    public void UnicodeInScopeIsFineButTypeIsAsciiWordCharactersOnly()
    {
        var commit = Parse.Conventional("feat(ü): ünïcödé sübject 🚀");
        Assert.Equal(("feat", "ü", "ünïcödé sübject 🚀"), (commit.Type, commit.Scope, commit.Subject));
        Assert.Null(Parse.Conventional("fëat: x").Type);
    }

    [Fact]
    public void CrLfMessagesParseLikeLf()
    {
        var commit = Parse.Angular("feat(scope): subject\r\n\r\nbody line\r\n\r\nBREAKING CHANGE: crlf\r\n");

        Assert.Equal(("feat", "scope", "subject"), (commit.Type, commit.Scope, commit.Subject));
        Assert.Equal("body line", commit.Body);
        Assert.Equal(("BREAKING CHANGE", "crlf"), (commit.Notes[0].Title, commit.Notes[0].Text));
    }

    [Fact]
    public void ALoneCarriageReturnInTheHeaderDefeatsThePatternAsInJavaScript()
    {
        Assert.Null(Parse.Angular("feat: x\r\rfoo").Type);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\n")]
    [InlineData("\t \u00A0\uFEFF")]
    public void EmptyOrWhitespaceMessagesParseToAnEmptyCommit(string message)
    {
        var commit = Parse.Conventional(message);

        Assert.Equal("", commit.Header);
        Assert.Equal("", commit.Message);
        Assert.Null(commit.Type);
        Assert.Empty(commit.Notes);
    }

    [Fact]
    public void MessageIsTrimmedLikeSemanticReleaseBeforeParsing()
    {
        var commit = Parse.Conventional("\n  feat: indented header is trimmed away  \n\n");

        Assert.Equal("feat", commit.Type);
        Assert.Equal("indented header is trimmed away", commit.Subject);
    }

    [Fact]
    public void GpgLinesAreDropped()
    {
        var commit = Parse.Angular("feat: x\n\ngpg: Signature made\nbody");

        Assert.Equal("body", commit.Body);
    }

    [Fact]
    public void MentionsAreCollectedFromTheWholeMessage()
    {
        var commit = Parse.Angular("feat: @alice and @bob-x thanks foo@bar.com");

        Assert.Equal(["alice", "bob-x", "bar"], commit.Mentions);
    }

    [Fact]
    public void MergeCommitsAreParsedLikeAnyOtherBecauseNeitherPresetSetsAMergePattern()
    {
        var commit = Parse.Angular("Merge pull request #5 from owner/branch\n\nfeat: merged");

        Assert.Null(commit.Merge);
        Assert.Null(commit.Type);
        Assert.Equal("feat: merged", commit.Body);
        Assert.Equal("5", Assert.Single(commit.References).Issue);
    }
}
