using System.Reflection;
using System.Text.RegularExpressions;
using Release.Sdk.Engine.Commits;

namespace Release.Sdk.Engine.Tests.Commits;

/// <summary>Ordinary headers run untimed twins of the preset header patterns; the twins must be the same patterns.</summary>
public sealed class PresetPatternTwinTests
{
    [Theory]
    [InlineData(nameof(PresetPatterns.AngularHeader))]
    [InlineData(nameof(PresetPatterns.ConventionalCommitsHeader))]
    [InlineData(nameof(PresetPatterns.ConventionalCommitsBreakingHeader))]
    public void EachUntimedTwinIsTheSamePatternWithoutATimeout(string name)
    {
        var timed = Pattern(name);
        var untimed = Pattern(name + "Untimed");

        Assert.Equal(timed.ToString(), untimed.ToString());
        Assert.Equal(timed.Options, untimed.Options);
        Assert.Equal(TimeSpan.FromMilliseconds(PresetPatterns.TimeoutMilliseconds), timed.MatchTimeout);
        Assert.Equal(Regex.InfiniteMatchTimeout, untimed.MatchTimeout);
    }

    [Theory]
    [InlineData("feat(parser)!: add it")]
    [InlineData("fix: x")]
    [InlineData("no header at all")]
    public void ShortAndLongHeadersMatchAlike(string header)
    {
        var longHeader = header + new string('x', PresetPatterns.UntimedHeaderLimit);
        foreach (var name in new[] { nameof(PresetPatterns.ConventionalCommitsHeader), nameof(PresetPatterns.ConventionalCommitsBreakingHeader), nameof(PresetPatterns.AngularHeader) })
        {
            var pattern = Pattern(name);
            Assert.Equal(pattern.Match(header).Success, PresetPatterns.SafeMatch(pattern, header) is not null);
            Assert.Equal(pattern.Match(longHeader).Groups[1].Value, PresetPatterns.SafeMatch(pattern, longHeader)?.Groups[1].Value ?? "");
        }
    }

    private static Regex Pattern(string method) =>
        (Regex)typeof(PresetPatterns).GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, null)!;
}
