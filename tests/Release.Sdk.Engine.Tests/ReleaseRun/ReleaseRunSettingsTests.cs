using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Engine.Tests.ReleaseRun;

public sealed class ReleaseRunSettingsTests
{
    private static ReleaseRunSettings Resolve(string json, ReleaseRunOverrides? overrides = null) =>
        ReleaseRunSettings.Resolve(ReleaseConfigParser.Parse(json, ".releaserc.json"), overrides ?? ReleaseRunOverrides.None);

    [Fact]
    public void SeedConfigurationGivesItsHooksChangelogAssetsAndDefaultMessage()
    {
        var settings = Resolve(ReleaseScenario.SeedConfig);

        Assert.Equal("prepare ${nextRelease.version} from ${lastRelease.version}", settings.Hooks.PrepareCmd);
        Assert.Null(settings.Hooks.AnalyzeCommitsCmd);
        Assert.True(settings.GenerateChangelog);
        Assert.Equal("CHANGELOG.md", settings.ChangelogFile);
        Assert.Equal(["CHANGELOG.md", "docs/*.py"], settings.Assets);
        Assert.Equal(ReleaseRunSettings.DefaultCommitMessage, settings.CommitMessage);
        Assert.False(settings.TagOnly);
    }

    [Fact]
    public void PluginsWithoutGitAndChangelogMeanTagOnlyWithoutChangelog()
    {
        var settings = Resolve("""{ "plugins": ["@semantic-release/commit-analyzer", "@semantic-release/release-notes-generator"] }""");

        Assert.True(settings.TagOnly);
        Assert.False(settings.GenerateChangelog);
    }

    [Fact]
    public void NoPluginsListMeansChangelogAndReleaseCommit()
    {
        var settings = Resolve("{}");

        Assert.False(settings.TagOnly);
        Assert.True(settings.GenerateChangelog);
        Assert.Equal(["CHANGELOG.md"], settings.Assets);
    }

    [Fact]
    public void OverridesWinOverThePluginEntries()
    {
        var settings = Resolve(ReleaseScenario.SeedConfig, new ReleaseRunOverrides(
            Hooks: new ExecHooks { PrepareCmd = "make stamp" }, ChangelogFile: "docs/CHANGES.md", TagOnly: true, CommitMessage: "release ${nextRelease.version}"));

        Assert.Equal("make stamp", settings.Hooks.PrepareCmd);
        Assert.Equal("publish ${nextRelease.gitTag}", settings.Hooks.PublishCmd);
        Assert.Equal("docs/CHANGES.md", settings.ChangelogFile);
        Assert.True(settings.TagOnly);
        Assert.Equal("release ${nextRelease.version}", settings.CommitMessage);
    }

    [Fact]
    public void GitAssetsAcceptPathObjectsAndChangelogTitle()
    {
        var settings = Resolve("""
            { "plugins": [
                ["@semantic-release/changelog", { "changelogFile": "HISTORY.md", "changelogTitle": "# History" }],
                ["@semantic-release/git", { "assets": [{ "path": "dist/*.json" }, "HISTORY.md"], "message": "chore: ${nextRelease.gitTag}" }] ] }
            """);

        Assert.Equal(["dist/*.json", "HISTORY.md"], settings.Assets);
        Assert.Equal("HISTORY.md", settings.ChangelogFile);
        Assert.Equal("# History", settings.ChangelogTitle);
        Assert.Equal("chore: ${nextRelease.gitTag}", settings.CommitMessage);
    }

    [Fact]
    public void NonStringHookIsAConfigurationError()
    {
        var error = Assert.Throws<ReleaseException>(() => Resolve("""{ "plugins": [["@semantic-release/exec", { "prepareCmd": 3 }]] }"""));

        Assert.Equal(DiagnosticCatalog.InvalidConfigFile, error.Descriptor);
        Assert.Contains("plugins[0][1].prepareCmd", error.Message);
    }
}
