using Release.Sdk.Engine.Analysis;

namespace Release.Sdk.Engine.Tests.Analysis;

/// <summary>
/// Expected values are micromatch 4.0.8's <c>isMatch(input, pattern)</c> (node, /work/shared/peers). A differential
/// run over 64 realistic patterns × 68 inputs agreed everywhere; exotic combinations (runs of three or more stars,
/// <c>**</c> glued to an extglob, <c>?</c> right after an extglob) can still differ.
/// </summary>
public class GlobTests
{
    private const string Maintenance = "+([0-9])?(.{+([0-9]),x}).x";

    [Theory]
    [InlineData("README", "README", true)]
    [InlineData("readme", "README", false)]
    [InlineData("core-ui", "core-*", true)]
    [InlineData("core-", "core-*", true)]
    [InlineData("core-/", "core-*", false)]
    [InlineData("feat", "/feat/", false)]
    [InlineData("fix", "(feat|fix)", true)]
    [InlineData("fix", "{feat,fix}", true)]
    [InlineData("fixes", "@(feat|fix)*", true)]
    [InlineData("a b", "*", true)]
    [InlineData(".github", "*", false)]
    [InlineData("api/v2", "*", false)]
    [InlineData("api/v2", "**", true)]
    [InlineData("", "*", false)]
    [InlineData("x\ny", "*", true)]
    [InlineData("docs", "!(docs)", false)]
    [InlineData("doc", "!(docs)", true)]
    [InlineData(".x", "!(docs)", true)]
    [InlineData("a", "!docs", true)]
    [InlineData("docs", "!docs", false)]
    [InlineData("a+b", "a+b", true)]
    [InlineData("aab", "a+b", false)]
    [InlineData(".x", ".*", true)]
    [InlineData("x", ".*", false)]
    [InlineData("2", "{1..3}", true)]
    [InlineData("b", "[!a]", false)]
    [InlineData("!", "[!a]", true)]
    [InlineData("b", "[a-c]", true)]
    [InlineData("7x", "[[:digit:]]x", true)]
    [InlineData("a{b}c", "a{b}c", true)]
    [InlineData("abc", "a{b}c", false)]
    [InlineData("a", "{a,b", false)]
    [InlineData(".a", "?", false)]
    [InlineData("ab/", "*", true)]
    [InlineData("feature/x-fix", "feature/*-fix", true)]
    [InlineData("release/a/b", "release/*", false)]
    [InlineData("release/a/b", "release/**", true)]
    [InlineData("b", "[ab](a|b)?", true)]
    [InlineData("-", "?(a)?", false)]
    [InlineData("axbc/b", "***", false)]
    public void MatchesLikeMicromatch(string input, string pattern, bool expected)
    {
        Assert.Equal(expected, Glob.IsMatch(input, pattern));
    }

    [Theory]
    [InlineData("1.x", true)]
    [InlineData("11.x", true)]
    [InlineData("1.2.x", true)]
    [InlineData("1.x.x", true)]
    [InlineData("10.20.x", true)]
    [InlineData("1.2.3", false)]
    [InlineData("main", false)]
    [InlineData("x", false)]
    [InlineData("1.x.y", false)]
    public void MaintenanceBranchPatternMatchesLikeMicromatch(string branch, bool expected)
    {
        Assert.Equal(expected, Glob.IsMatch(branch, Maintenance));
    }

    [Theory]
    [InlineData("main")]
    [InlineData("next-major")]
    [InlineData("beta")]
    public void PlainBranchNamesMatchOnlyThemselves(string name)
    {
        Assert.True(Glob.IsMatch(name, name));
        Assert.False(Glob.IsMatch(name + "x", name));
        Assert.False(Glob.IsMatch(name.ToUpperInvariant(), name));
    }
}
