using CsCheck;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Commits;
using Release.Sdk.Engine.History;

namespace Release.Sdk.Engine.Tests.Commits;

public class ParserRobustnessTests
{
    private static readonly string[] Fragments =
    [
        "feat", "fix", "(api)", "(a/b)", "!", ":", " ", "subject", "\n", "\n\n", "\r\n", "\r", "BREAKING CHANGE", ": ",
        "BREAKING-CHANGE", "#12", "Closes ", "owner/repo#3", "Revert ", "\"", "This reverts commit ", Parse.Sha, ".", "@me",
        "http://x.com/a", "-foo-", "-notes-", "-revert-", "--", "gpg: x", "*", "|", ")", "é", "\u2028", "\t", "\0", "\uD800", "🚀",
    ];

    private static readonly Gen<string> Messages = Gen.OneOf(
        Gen.String,
        Gen.Char.Array[0, 300].Select(chars => new string(chars)),
        Gen.OneOf(Fragments).Array[1, 40].Select(string.Concat));

    [Theory]
    [InlineData("angular")]
    [InlineData("conventionalcommits")]
    public void ParserNeverThrowsOnArbitraryText(string preset)
    {
        var options = ParserOptions.For(Parse.Named(preset), preset == "angular" ? null : ["BREAKING CHANGE", "BREAKING CHANGES", ""]);
        Messages.Sample(message =>
        {
            var commit = CommitParser.Parse(new CommitInfo(Parse.Sha, message), options);
            Assert.NotNull(commit.Header);
        }, iter: 3000);
    }

    [Theory]
    [InlineData("fix: ")]
    [InlineData("Revert \"")]
    [InlineData("feat(")]
    [InlineData("feat: x\n\nCloses ")]
    [InlineData("feat: x\n\nBREAKING CHANGE: ")]
    [InlineData("feat: x\n\n")]
    public void HugeSingleLineMessagesParseWithoutBacktrackingBlowUp(string prefix)
    {
        foreach (var filler in new[] { "a", " ", "a/", "#", "(", "\"" })
        {
            var message = prefix + string.Concat(Enumerable.Repeat(filler, 200_000)) + " #x";
            var commit = Parse.Conventional(message);
            Assert.NotNull(commit.Header);
        }
    }

    [Fact]
    public void ManyNoteLinesDoNotRecurse()
    {
        var message = "feat: x\n\n" + string.Join("\n", Enumerable.Repeat("BREAKING CHANGE: again", 100_000));

        Assert.Equal(100_000, Parse.Angular(message).Notes.Count);
    }

    [Fact]
    public void NullBytesAreOrdinaryCharacters()
    {
        var commit = Parse.Angular("feat: x\0y\n\nbody\0");

        Assert.Equal(("feat", "x\0y", "body\0"), (commit.Type, commit.Subject, commit.Body));
    }
}
