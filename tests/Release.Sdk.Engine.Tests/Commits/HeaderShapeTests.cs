using CsCheck;
using Release.Sdk.Engine.Commits;

namespace Release.Sdk.Engine.Tests.Commits;

/// <summary><see cref="HeaderShape"/> against the preset regexes it stands in for.</summary>
public class HeaderShapeTests
{
    private static readonly string[] Pieces = ["feat", "fix", "", "a_1", "(", ")", "()", "(api)", "!", ":", ": ", "!: ", " ", "x", "é", "-", "\t", "\u00A0", "):", ") ", "!:"];

    private static readonly Gen<string> Headers = Gen.OneOf(
        Gen.OneOf(Pieces).Array[1, 12].Select(string.Concat),
        Gen.Char["abf(!): _é-"].Array[0, 24].Select(chars => new string(chars)));

    [Theory]
    [InlineData("optional")]
    [InlineData("required")]
    [InlineData("none")]
    public void MatchesLikeThePresetPattern(string bangName)
    {
        var bang = bangName switch { "optional" => HeaderShape.Bang.Optional, "required" => HeaderShape.Bang.Required, _ => HeaderShape.Bang.None };
        var regex = bang switch
        {
            HeaderShape.Bang.Optional => PresetPatterns.ConventionalCommitsHeader(),
            HeaderShape.Bang.Required => PresetPatterns.ConventionalCommitsBreakingHeader(),
            _ => PresetPatterns.AngularHeader(),
        };
        Headers.Sample(header =>
        {
            var expected = regex.Match(header);
            var matched = HeaderShape.TryMatch(header, bang, out var typeLength, out var scopeStart, out var scopeLength, out var subjectStart);

            Assert.Equal(expected.Success, matched);
            if (!matched) return;
            Assert.Equal(expected.Groups[1].Value, header[..typeLength]);
            Assert.Equal(expected.Groups[2].Success, scopeStart >= 0);
            if (scopeStart >= 0) Assert.Equal(expected.Groups[2].Value, header.Substring(scopeStart, scopeLength));
            Assert.Equal(expected.Groups[3].Value, header[subjectStart..]);
        }, iter: 20000);
    }

    [Theory]
    [InlineData("feat(a): b): c", "a): b", "c")]
    [InlineData("feat(a)!: b", "a", "b")]
    [InlineData("feat((x)): y", "(x)", "y")]
    public void TheScopeIsTheLongestThatLeavesAMatch(string header, string scope, string subject)
    {
        Assert.True(HeaderShape.TryMatch(header, HeaderShape.Bang.Optional, out _, out var scopeStart, out var scopeLength, out var subjectStart));
        Assert.Equal(scope, header.Substring(scopeStart, scopeLength));
        Assert.Equal(subject, header[subjectStart..]);
    }
}
