using System.Text.RegularExpressions;
using CsCheck;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Tests.Versioning;

/// <summary><see cref="SemVerGrammar"/> replaces semver.org's regex; on any text it must agree with that regex as .NET runs it.</summary>
public sealed class SemVerGrammarTests
{
    private static readonly Regex Official = new(
        @"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$");

    [Theory]
    [InlineData("1.2.3", true)]
    [InlineData("0.0.0", true)]
    [InlineData("1.2.3-beta.1", true)]
    [InlineData("1.2.3-0a.-x.0", true)]
    [InlineData("1.2.3+build.7", true)]
    [InlineData("1.2.3-rc.1+exp.sha.5114f85", true)]
    [InlineData("1.2.3\n", true)] // $ matches before a final line feed
    [InlineData("1\u0663.2.3", true)] // \d is any Unicode decimal digit
    [InlineData("01.2.3", false)]
    [InlineData("1.2.3-01", false)]
    [InlineData("1.2.3-", false)]
    [InlineData("1.2.3-a..b", false)]
    [InlineData("1.2.3+", false)]
    [InlineData("1.2.3+b\u0663", false)]
    [InlineData("1.2.3\n\n", false)]
    [InlineData("1.2", false)]
    [InlineData("", false)]
    public void KnownCases(string text, bool valid)
    {
        Assert.Equal(valid, SemVerGrammar.IsValid(text));
        Assert.Equal(valid, Official.IsMatch(text));
    }

    [Fact]
    public void AgreesWithTheOfficialRegexOnAnyText()
    {
        var pieces = new[] { "0", "1", "9", "00", "12", "\u0663", ".", "-", "+", "a", "Z", "x", "-0", "rc", "\n", " ", "_", "1.2.3", "0.0" };
        Gen.Int[0, pieces.Length - 1].Array[0, 12]
            .Sample(parts =>
            {
                var text = string.Concat(parts.Select(i => pieces[i]));
                return SemVerGrammar.IsValid(text) == Official.IsMatch(text);
            }, iter: 50_000);
    }
}
