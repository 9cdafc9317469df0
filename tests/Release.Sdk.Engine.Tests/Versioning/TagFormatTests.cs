using System.Text.RegularExpressions;
using CsCheck;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Tests.Fakes;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Tests.Versioning;

public sealed class TagFormatTests
{
    [Theory]
    [InlineData("v${version}", "v1.2.3", "1.2.3")]
    [InlineData("v${version}", "v1.2.3-beta.1", "1.2.3-beta.1")]
    [InlineData("v${version}", "vv1.2.3", "1.2.3")] // semver.clean strips the extra v, as get-tags.js does
    [InlineData("v${version}", "v1.2", null)]
    [InlineData("v${version}", "1.2.3", null)]
    [InlineData("v${version}", "v01.2.3", null)]
    [InlineData("${version}", "1.2.3", "1.2.3")]
    [InlineData("${version}", "v1.2.3", "1.2.3")]
    [InlineData("release-${version}", "release-2.0.0", "2.0.0")]
    [InlineData("release-${version}", "v2.0.0", null)]
    [InlineData("app@${version}-final", "app@1.0.0-final", "1.0.0")]
    [InlineData("app/v${version}", "app/v1.0.0", "1.0.0")]
    [InlineData("app/v${version}", "lib/v1.0.0", null)]
    [InlineData("v${ version }", "v3.0.0", "3.0.0")]
    public void TagsParseLikeSemanticReleasesGetTags(string format, string tag, string? version)
    {
        var parsed = TagFormat.Parse(format).TryParse(tag);

        Assert.Equal(version, parsed is null ? null : SemVer.Format(parsed));
    }

    /// <summary>TryParse searches strings instead of running get-tags.js's regex; on any name it must agree with that regex.</summary>
    [Fact]
    public void StringSearchAgreesWithGetTagsRegexOnAnyName()
    {
        var pieces = new[] { "", "v", "-", "1", ".", "0", "2.3", "-final", "app@", "/", "x", "\n", "=", "vv", "1.2.3", "-beta.1", "+b" };
        var affixes = new[] { "", "v", "-final", "app@", "x", "1", "_", "rel/v", "-v" };
        Gen.Select(Gen.Int[0, affixes.Length - 1], Gen.Int[0, affixes.Length - 1], Gen.Int[0, pieces.Length - 1].Array[0, 7])
            .Sample((p, x, parts) =>
            {
                var (prefix, suffix) = (affixes[p], affixes[x]);
                var format = TagFormat.Parse(prefix + "${version}" + suffix);
                var tag = string.Concat(parts.Select(i => pieces[i]));
                var match = new Regex("^" + Regex.Escape(prefix) + "(.+)" + Regex.Escape(suffix), RegexOptions.CultureInvariant).Match(tag);
                var expected = match.Success ? SemVer.TryParse(match.Groups[1].Value.Trim().TrimStart('=', 'v')) : null;
                var actual = format.TryParse(tag);
                return (expected is null ? null : SemVer.Format(expected)) == (actual is null ? null : SemVer.Format(actual));
            }, iter: 20_000);
    }

    [Theory]
    [InlineData("v${version}", "1.4.0", "v1.4.0")]
    [InlineData("${version}", "1.4.0", "1.4.0")]
    [InlineData("app@${version}-final", "1.4.0", "app@1.4.0-final")]
    public void TagsFormatFromTheTemplate(string format, string version, string tag)
    {
        Assert.Equal(tag, TagFormat.Parse(format).Format(version));
    }

    [Theory]
    [InlineData("")]
    [InlineData("v")]
    [InlineData("${version}${version}")]
    [InlineData("v ${version}")]
    [InlineData("v~${version}")]
    [InlineData("${version}.lock")]
    [InlineData("/${version}")]
    [InlineData("${name}-${version}")]
    [InlineData("<%= x %>${version}")]
    public void InvalidFormatsAreRsdk1005(string format)
    {
        var e = Assert.Throws<ReleaseException>(() => TagFormat.Parse(format));

        Assert.Equal("RSDK1005", e.Code);
        Assert.Contains("${version}", e.Message);
    }

    [Fact]
    public void CustomTagFormatFindsOnlyItsOwnTags()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("release-1.2.3"); r.Tag("v9.9.9");
        r.Commit("fix: x");

        var d = Decide.WithJson(r, """{"tagFormat": "release-${version}"}""");

        // semrel-next --config '{"tagFormat":"release-${version}"}': last=release-1.2.3 next=1.2.4 patch
        Assert.Equal("release-1.2.3", d.PreviousTag);
        Assert.Equal("1.2.4", d.NextVersion);
        Assert.Equal("release-1.2.4", d.NextTag);
    }

    [Fact]
    public void BareVersionTagFormat()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("1.2.3");
        r.Commit("feat: x");

        var d = Decide.WithJson(r, """{"tagFormat": "${version}"}""");

        Assert.Equal("1.3.0", d.NextVersion); // semrel-next --config '{"tagFormat":"${version}"}': last=1.2.3 next=1.3.0
        Assert.Equal("1.3.0", d.NextTag);
    }

    [Fact]
    public void TagsThatAreNotVersionsAreIgnored()
    {
        var r = new FakeRepository();
        r.Commit("feat: initial"); r.Tag("v1.0.0");
        r.Commit("fix: x"); r.Tag("vnext"); r.Tag("v2"); r.Tag("deploy-prod");

        var d = Decide.With(r);

        Assert.Equal("v1.0.0", d.PreviousTag);
        Assert.Equal("1.0.1", d.NextVersion);
        Assert.False(d.IsTaggedCommit);
    }
}
