using Release.Sdk.Engine.Analysis;

namespace Release.Sdk.Engine.Tests.Commits;

public class RevertParsingTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    [Theory]
    [InlineData("angular")]
    [InlineData("conventionalcommits")]
    public void GitRevertMessageNamesTheRevertedHeaderAndSha(string preset)
    {
        var commit = Parse.With(preset, $"Revert \"feat: add thing\"\n\nThis reverts commit {Sha}.");

        Assert.Equal(("feat: add thing", Sha), (commit.Revert?.Header, commit.Revert?.Hash));
        Assert.Null(commit.Type);
    }

    [Theory]
    [InlineData("angular")]
    [InlineData("conventionalcommits")]
    public void RevertTypeFormIsARevertAndHasTypeRevert(string preset)
    {
        var commit = Parse.With(preset, $"revert: feat: add thing\n\nThis reverts commit {Sha}.");

        Assert.Equal("revert", commit.Type);
        Assert.Equal(("feat: add thing", Sha), (commit.Revert?.Header, commit.Revert?.Hash));
    }

    [Fact]
    public void ConventionalCommitsNeedsTheFinalDotAngularDoesNot()
    {
        var message = $"revert: feat: add thing\n\nThis reverts commit {Sha}";

        Assert.Equal(Sha, Parse.Angular(message).Revert?.Hash);
        Assert.Null(Parse.Conventional(message).Revert);
    }

    [Fact]
    public void AngularNeedsAtLeastSevenHashCharacters()
    {
        Assert.Null(Parse.Angular("Revert \"fix: y\"\n\nThis reverts commit abc12.").Revert);
        Assert.Equal("abc1234", Parse.Angular("Revert \"fix: y\"\n\nThis reverts commit abc1234.").Revert?.Hash);
    }

    [Fact]
    public void RevertPatternIsCaseInsensitive()
    {
        var commit = Parse.Angular("REVERT \"fix: y\"\nthis REVERTS commit abcdef1");

        Assert.Equal(("fix: y", "abcdef1"), (commit.Revert?.Header, commit.Revert?.Hash));
    }

    [Fact]
    public void RevertOfARevertNamesTheInnerRevertHeader()
    {
        var commit = Parse.Conventional($"Revert \"Revert \"feat: add thing\"\"\n\nThis reverts commit {Sha}.");

        Assert.Equal("Revert \"feat: add thing\"", commit.Revert?.Header);
    }
}
