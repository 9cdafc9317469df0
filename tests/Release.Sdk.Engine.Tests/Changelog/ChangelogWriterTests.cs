using Release.Sdk.Engine.Changelog;

namespace Release.Sdk.Engine.Tests.Changelog;

public sealed class ChangelogWriterTests
{
    private const string Title = "# Changelog";
    private static readonly ChangelogOptions WithTitle = new(Title);

    private static string Notes(string version, string item) => $"## [{version}](https://github.com/acme/widget/compare/v1.0.0...v{version}) (2024-06-02)\n\n\n### Features\n\n* {item}\n\n";

    [Fact]
    public void NewNotesGoOnTopBelowTheTitle()
    {
        var existing = "# Changelog\n\n## 1.0.0 (2024-06-01)\n\n* first\n";

        var update = ChangelogWriter.Prepend(existing, Notes("1.1.0", "second"), "1.1.0", WithTitle);

        Assert.StartsWith("# Changelog\n\n## [1.1.0]", update.NewContent);
        Assert.EndsWith("* second\n\n## 1.0.0 (2024-06-01)\n\n* first\n", update.NewContent);
    }

    [Fact]
    public void RerunForTheSameVersionAddsNothing()
    {
        var first = ChangelogWriter.Prepend("# Changelog\n\n## 1.0.0 (2024-06-01)\n\n* first\n", Notes("1.1.0", "second"), "1.1.0", WithTitle);

        var rerun = ChangelogWriter.Prepend(first.NewContent, Notes("1.1.0", "second"), "1.1.0", WithTitle);

        Assert.True(rerun.AlreadyPresent);
        Assert.False(rerun.Changed);
        Assert.Equal(first.NewContent, rerun.NewContent);
    }

    [Fact]
    public void RerunIsDetectedEvenWhenTheNotesDifferFromTheFirstRun()
    {
        // A crash between writing the changelog and tagging, then a rerun on another day: the header date differs.
        var existing = "# Changelog\n\n## [1.1.0](https://x/compare/v1.0.0...v1.1.0) (2024-06-02)\n\n* a\n";

        var rerun = ChangelogWriter.Prepend(existing, "## [1.1.0](https://x/compare/v1.0.0...v1.1.0) (2024-06-03)\n\n* a\n", "1.1.0", WithTitle);

        Assert.True(rerun.AlreadyPresent);
        Assert.Same(existing, rerun.NewContent);
    }

    [Fact]
    public void VersionMentionedOutsideAHeadingIsNotARelease()
    {
        var existing = "# Changelog\n\n## 1.0.0 (2024-06-01)\n\n* prepare 1.1.0\n\n```\n## 1.1.0\n```\n";

        var update = ChangelogWriter.Prepend(existing, Notes("1.1.0", "second"), "1.1.0", WithTitle);

        Assert.False(update.AlreadyPresent);
        Assert.True(update.Changed);
        Assert.StartsWith("# Changelog\n\n## [1.1.0]", update.NewContent);
    }

    [Fact]
    public void PrereleaseOfTheSameCoreVersionIsADifferentRelease()
    {
        var existing = "## [2.0.0-beta.1](https://x) (2024-06-01)\n\n* a\n";

        var update = ChangelogWriter.Prepend(existing, "## [2.0.0](https://x) (2024-06-09)\n\n* a\n", "2.0.0", ChangelogOptions.Default);

        Assert.False(update.AlreadyPresent);
        Assert.Equal("## [2.0.0](https://x) (2024-06-09)\n\n* a\n\n## [2.0.0-beta.1](https://x) (2024-06-01)\n\n* a\n", update.NewContent);
    }

    [Fact]
    public void CrlfFileStaysCrlfAndItsContentIsUntouched()
    {
        var old = "## 1.0.0 (2024-06-01)\r\n\r\n* first\r\n";
        var existing = "# Changelog\r\n\r\n" + old;

        var update = ChangelogWriter.Prepend(existing, Notes("1.1.0", "second"), "1.1.0", WithTitle);

        Assert.Equal(
            "# Changelog\r\n\r\n## [1.1.0](https://github.com/acme/widget/compare/v1.0.0...v1.1.0) (2024-06-02)\r\n\r\n\r\n### Features\r\n\r\n* second\r\n\r\n" + old,
            update.NewContent);
        Assert.DoesNotContain("\n", update.NewContent.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void ByteOrderMarkIsKept()
    {
        var existing = "\uFEFF# Changelog\n\n## 1.0.0\n\n* first\n";

        var update = ChangelogWriter.Prepend(existing, "## 1.1.0\n\n* second\n", "1.1.0", WithTitle);

        Assert.Equal("\uFEFF# Changelog\n\n## 1.1.0\n\n* second\n\n## 1.0.0\n\n* first\n", update.NewContent);
    }

    [Fact]
    public void FileWithoutFinalNewlineKeepsItsEnd()
    {
        var update = ChangelogWriter.Prepend("# Changelog\n\n## 1.0.0\n\n* first", "## 1.1.0\n\n* second\n", "1.1.0", WithTitle);

        Assert.Equal("# Changelog\n\n## 1.1.0\n\n* second\n\n## 1.0.0\n\n* first", update.NewContent);
    }

    [Fact]
    public void OldContentIsPreservedByteForByte()
    {
        // Odd spacing, trailing blanks, HTML, link definitions, tabs, mixed endings inside: nothing of it is normalised.
        var old = "## 1.0.0   \n\n\n\n* first\t \r\n<details>\n  <summary>x</summary>\n</details>\n\n[1.0.0]: https://x\n\n\n";
        var existing = "# Changelog\n\n" + old;

        var update = ChangelogWriter.Prepend(existing, "## 1.1.0\n\n* second", "1.1.0", WithTitle);

        Assert.Equal("# Changelog\n\n## 1.1.0\n\n* second\n\n" + old, update.NewContent);
    }

    [Fact]
    public void WithoutTitleTheNotesStartTheFile()
    {
        var update = ChangelogWriter.Prepend("# Changelog\n\n## 1.0.0\n", "## 1.1.0\n\n* second\n", "1.1.0", ChangelogOptions.Default);

        Assert.Equal("## 1.1.0\n\n* second\n\n# Changelog\n\n## 1.0.0\n", update.NewContent);
    }

    [Fact]
    public void TitleIsAddedOnTopOfAFileThatLacksIt()
    {
        var update = ChangelogWriter.Prepend("## 1.0.0\n\n* first\n", "## 1.1.0\n", "1.1.0", WithTitle);

        Assert.Equal("# Changelog\n\n## 1.1.0\n\n## 1.0.0\n\n* first\n", update.NewContent);
    }

    [Fact]
    public void TitleMustBeAWholeLineToCount()
    {
        // The plugin's bare startsWith would cut "# Changelog" off "# Changelog of widget".
        var update = ChangelogWriter.Prepend("# Changelog of widget\n\n## 1.0.0\n", "## 1.1.0\n", "1.1.0", WithTitle);

        Assert.Equal("# Changelog\n\n## 1.1.0\n\n# Changelog of widget\n\n## 1.0.0\n", update.NewContent);
    }

    [Fact]
    public void MissingFileIsCreated()
    {
        var update = ChangelogWriter.Prepend(null, "## 1.0.0 (2024-06-01)\n\n* first\n\n", "1.0.0", WithTitle);

        Assert.True(update.Changed);
        Assert.Equal("# Changelog\n\n## 1.0.0 (2024-06-01)\n\n* first\n", update.NewContent);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\n")]
    public void EmptyNotesLeaveTheFileAlone(string notes)
    {
        var existing = "# Changelog\n\n## 1.0.0\n";

        var update = ChangelogWriter.Prepend(existing, notes, "1.1.0", WithTitle);

        Assert.False(update.Changed);
        Assert.False(update.AlreadyPresent);
        Assert.Same(existing, update.NewContent);
    }

    [Fact]
    public void CrlfTitleInConfigMatchesLfFile()
    {
        var update = ChangelogWriter.Prepend("# Changelog\n\nIntro.\n\n## 1.0.0\n", "## 1.1.0\n", "1.1.0", new ChangelogOptions("# Changelog\r\n\r\nIntro."));

        Assert.Equal("# Changelog\n\nIntro.\n\n## 1.1.0\n\n## 1.0.0\n", update.NewContent);
    }
}
