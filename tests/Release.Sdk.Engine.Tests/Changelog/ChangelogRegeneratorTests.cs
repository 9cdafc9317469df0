using Release.Sdk.Engine.Changelog;
using Release.Sdk.Engine.History;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Tests.Changelog;

public sealed class ChangelogRegeneratorTests
{
    private static ReleaseSection Section(string version, string? previous = null, params string[] subjects) => new(
        Tag(version),
        previous is null ? null : Tag(previous),
        subjects.Select((s, i) => new CommitInfo($"{version}-{i}", s)).ToList(),
        Date: null);

    private static ReleaseTag Tag(string version) => new("v" + version, SemVer.Parse(version), "sha-" + version, [null]);

    private static string Render(ReleaseSection s) =>
        $"## {s.Version}{(s.PreviousTag is null ? "" : $" (since {s.PreviousTag})")}\n\n\n" + string.Concat(s.Commits.Select(c => $"* {c.Message}\n")) + "\n";

    [Fact]
    public void NewestReleaseComesFirstBelowTheTitle()
    {
        var releases = new[] { Section("1.0.0", null, "a"), Section("1.2.0", "1.1.0", "c"), Section("1.1.0", "1.0.0", "b") };

        var changelog = ChangelogRegenerator.Render(releases, Render, new ChangelogOptions("# Changelog"));

        Assert.Equal(
            "# Changelog\n\n## 1.2.0 (since v1.1.0)\n\n\n* c\n\n## 1.1.0 (since v1.0.0)\n\n\n* b\n\n## 1.0.0\n\n\n* a\n",
            changelog);
    }

    [Fact]
    public void RegeneratedFileEqualsWhatThePluginWritesReleaseAfterRelease()
    {
        var releases = new[]
        {
            Section("1.0.0", null, "a"), Section("1.0.1", "1.0.0", "b"), Section("1.1.0", "1.0.1", "c", "d"),
            Section("2.0.0-beta.1", "1.1.0", "e"), Section("2.0.0", "1.1.0", "e", "f"),
        };
        var options = new ChangelogOptions("# Changelog");
        string? file = null;
        foreach (var release in releases) file = ChangelogWriter.Prepend(file, Render(release), release.Version, options).NewContent;

        Assert.Equal(file, ChangelogRegenerator.Render(releases.Reverse().ToList(), Render, options));
    }

    [Fact]
    public void ReleasesWithBlankNotesAndRepeatedVersionsAppearOnce()
    {
        var calls = new List<string>();
        var releases = new[] { Section("1.0.0", null, "a"), Section("1.1.0", "1.0.0"), Section("1.0.0", null, "again") };

        var changelog = ChangelogRegenerator.Render(releases, s =>
        {
            calls.Add(s.Version);
            return s.Commits.Count == 0 ? "  \n" : Render(s);
        }, ChangelogOptions.Default);

        Assert.Equal("## 1.0.0\n\n\n* a\n", changelog);
        Assert.Equal(["1.1.0", "1.0.0"], calls);
    }

    [Fact]
    public void EveryRegeneratedReleaseIsRecognisedSoTheNextReleaseRunAddsNoDuplicate()
    {
        var releases = new[] { Section("1.0.0", null, "a"), Section("1.1.0", "1.0.0", "b"), Section("2.0.0-beta.1", "1.1.0", "c") };
        var changelog = ChangelogRegenerator.Render(releases, Render, new ChangelogOptions("# Changelog"));

        var versions = ChangelogVersionHeadings.Find(changelog).Select(h => h.Version.ToFullString());

        Assert.Equal(["2.0.0-beta.1", "1.1.0", "1.0.0"], versions);
        Assert.True(ChangelogWriter.Prepend(changelog, Render(releases[1]), "1.1.0", new ChangelogOptions("# Changelog")).AlreadyPresent);
    }

    [Fact]
    public void NoReleasesGiveAnEmptyChangelog()
    {
        Assert.Equal("", ChangelogRegenerator.Render([], Render, new ChangelogOptions("# Changelog")));
    }
}
