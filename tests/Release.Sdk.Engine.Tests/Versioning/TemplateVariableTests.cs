using System.Text.RegularExpressions;
using CsCheck;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Tests.Versioning;

/// <summary><see cref="TemplateVariable"/> scans for what verify.js's regexes find; on any text it must agree with them.</summary>
public sealed class TemplateVariableTests
{
    private static readonly Regex VersionVariable = new(@"\$\{\s*version\s*\}");
    private static readonly Regex AnyTemplateSyntax = new(@"\$\{|<%");

    [Fact]
    public void WhiteSpaceIsRegexWhiteSpace()
    {
        var s = new Regex(@"\A\s\z");
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            Assert.True(char.IsWhiteSpace(c) == s.IsMatch(c.ToString()), $"U+{(int)c:X4}");
        }
    }

    [Fact]
    public void AgreesWithTheRegexesOnAnyText()
    {
        var pieces = new[] { "$", "{", "}", "${", "version", "vers", " ", "\t", "\u00a0", "\n", "<", "%", "<%", "v", "x" };
        Gen.Int[0, pieces.Length - 1].Array[0, 10]
            .Sample(parts =>
            {
                var text = string.Concat(parts.Select(i => pieces[i]));
                var matches = VersionVariable.Matches(text);
                var first = TemplateVariable.Find(text, "version", 0, out var length);
                var second = first < 0 ? -1 : TemplateVariable.Find(text, "version", first + length, out _);
                var sameFirst = matches.Count == 0 ? first < 0 : first == matches[0].Index && length == matches[0].Length;
                var sameSecond = matches.Count < 2 ? second < 0 : second == matches[1].Index;
                return sameFirst && sameSecond && TemplateVariable.HasTemplateSyntax(text) == AnyTemplateSyntax.IsMatch(text);
            }, iter: 50_000);
    }
}
