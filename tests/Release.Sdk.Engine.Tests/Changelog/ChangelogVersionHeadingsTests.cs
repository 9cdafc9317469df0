using Release.Sdk.Engine.Changelog;

namespace Release.Sdk.Engine.Tests.Changelog;

public sealed class ChangelogVersionHeadingsTests
{
    [Theory]
    [InlineData("## [1.3.0](https://github.com/acme/widget/compare/v1.2.3...v1.3.0) (2024-06-01)", "1.3.0")]
    [InlineData("# [1.3.0](https://github.com/acme/widget/compare/v1.2.3...v1.3.0) (2024-06-01)", "1.3.0")]
    [InlineData("# 1.0.0 (2024-06-01)", "1.0.0")]
    [InlineData("## 1.3.0", "1.3.0")]
    [InlineData("## [1.3.0] - 2024-06-01", "1.3.0")]
    [InlineData("## v1.3.0", "1.3.0")]
    [InlineData("### [2.0.0-beta.1](https://x) (2024-06-01)", "2.0.0-beta.1")]
    [InlineData("## <small>1.2.4 (2024-06-01)</small>", "1.2.4")]
    [InlineData("## [1.3.0](https://x) \"Codename\" (2024-06-01)", "1.3.0")]
    [InlineData("1.3.0 (2024-06-01)\n==================", "1.3.0")]
    [InlineData("## Version 1.3.0", "1.3.0")]
    public void ReleaseHeadingFormsAreRecognised(string heading, string version)
    {
        var headings = ChangelogVersionHeadings.Find("# Changelog\n\n" + heading + "\n\n* item\n");

        var found = Assert.Single(headings);
        Assert.Equal(version, found.Version.ToFullString());
        Assert.Equal(3, found.Line);
    }

    [Theory]
    [InlineData("## Unreleased")]
    [InlineData("### Features")]
    [InlineData("## Notes for 1.3.0")]
    [InlineData("## 1.3")]
    [InlineData("* 1.3.0 (2024-06-01)")]
    [InlineData("    ## 1.3.0")]
    [InlineData("```\n## 1.3.0\n```")]
    [InlineData("<!-- ## 1.3.0 -->")]
    public void TextThatIsNotAReleaseHeadingIsIgnored(string markdown)
    {
        Assert.Empty(ChangelogVersionHeadings.Find("# Changelog\n\n" + markdown + "\n"));
    }

    [Fact]
    public void AllReleasesOfAChangelogAreFoundInOrder()
    {
        var markdown = "# Changelog\r\n\r\n## [1.1.0](https://x) (2024-06-02)\r\n\r\n### Features\r\n\r\n* b\r\n\r\n# 1.0.0 (2024-06-01)\r\n\r\n* a\r\n";

        var versions = ChangelogVersionHeadings.Find(markdown).Select(h => (h.Version.ToFullString(), h.Level, h.Line));

        Assert.Equal([("1.1.0", 2, 3), ("1.0.0", 1, 9)], versions);
    }

    [Theory]
    [InlineData("1.1.0", true)]
    [InlineData("v1.1.0", true)]
    [InlineData("1.1.0+build.5", true)]
    [InlineData("1.1.1", false)]
    [InlineData("1.1.0-beta.1", false)]
    public void ContainsComparesVersionsNotText(string version, bool expected)
    {
        Assert.Equal(expected, ChangelogVersionHeadings.Contains("## [1.1.0](https://x/v1.1.1) (2024-06-02)\n", version));
    }
}
