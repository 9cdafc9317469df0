using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.History;
using Release.Sdk.Engine.Notes;

namespace Release.Sdk.Engine.Tests.Notes;

/// <summary>Behaviours of the notes beyond the captured snapshots; expected strings follow the presets' templates.</summary>
public sealed class ReleaseNotesGeneratorTests
{
    private const string Sha1 = "1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string Sha2 = "2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private static NotesContext Context(Preset preset, string version, params CommitInfo[] commits) => new()
    {
        Commits = commits,
        Version = version,
        PreviousTag = "v1.2.3",
        CurrentTag = "v" + version,
        Date = new DateOnly(2024, 6, 1),
        Repository = RepositoryUrl.Parse("https://github.com/acme/widget.git"),
        Options = new NotesOptions { Preset = preset },
    };

    [Fact]
    public void OnlyHiddenTypesGiveTheHeaderAlone()
    {
        var notes = ReleaseNotesGenerator.Generate(Context(Preset.ConventionalCommits, "1.3.0", new CommitInfo(Sha1, "docs: readme")));

        Assert.Equal("## [1.3.0](https://github.com/acme/widget/compare/v1.2.3...v1.3.0) (2024-06-01)\n", notes);
    }

    [Theory]
    [InlineData("1.2.4", "## ")]
    [InlineData("1.3.0", "# ")]
    [InlineData("2.0.0-beta.2", "# ")]
    [InlineData("1.2.4-beta.1", "## ")]
    public void AngularHeaderLevelFollowsThePatchNumber(string version, string level)
    {
        var notes = ReleaseNotesGenerator.Generate(Context(Preset.Angular, version, new CommitInfo(Sha1, "fix: x")));

        Assert.StartsWith(level + "[" + version + "]", notes, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutARepositoryUrlThereAreNoLinks()
    {
        var context = Context(Preset.ConventionalCommits, "1.3.0", new CommitInfo(Sha1, "feat(api): add (#4)\n\nCloses #5")) with { Repository = null, PreviousTag = null };

        var notes = ReleaseNotesGenerator.Generate(context);

        Assert.Equal("## 1.3.0 (2024-06-01)\n\n### Features\n\n* **api:** add (#4) 1111111, closes #4 #5\n", notes);
    }

    [Fact]
    public void HiddenTypeWithABreakingChangeIsShownUnderItsSection()
    {
        var notes = ReleaseNotesGenerator.Generate(Context(Preset.ConventionalCommits, "2.0.0",
            new CommitInfo(Sha2, "fix: small"), new CommitInfo(Sha1, "refactor(core)!: rewrite")));

        Assert.Equal("""
            ## [2.0.0](https://github.com/acme/widget/compare/v1.2.3...v2.0.0) (2024-06-01)

            ### ⚠ BREAKING CHANGES

            * **core:** rewrite

            ### Bug Fixes

            * small ([2222222](https://github.com/acme/widget/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))

            ### Code Refactoring

            * **core:** rewrite ([1111111](https://github.com/acme/widget/commit/1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa))

            """.ReplaceLineEndings("\n"), notes);
    }

    [Fact]
    public void RevertedPairInTheSameReleaseLeavesNoTrace()
    {
        var notes = ReleaseNotesGenerator.Generate(Context(Preset.Angular, "1.3.0",
            new CommitInfo(Sha2, $"Revert \"feat: add thing\"\n\nThis reverts commit {Sha1}."), new CommitInfo(Sha1, "feat: add thing")));

        Assert.Equal("# [1.3.0](https://github.com/acme/widget/compare/v1.2.3...v1.3.0) (2024-06-01)\n", notes);
    }

    [Fact]
    public void InvalidIssuePrefixPatternIsAConfigurationError()
    {
        var context = Context(Preset.ConventionalCommits, "1.3.0", new CommitInfo(Sha1, "feat: x")) with
        {
            Options = new NotesOptions { IssuePrefixes = ["("] },
        };

        var error = Assert.Throws<ReleaseException>(() => ReleaseNotesGenerator.Generate(context));

        Assert.Equal("RSDK1001", error.Code);
    }
}
