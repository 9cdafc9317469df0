using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Branches;
using Release.Sdk.Engine.Configuration;

namespace Release.Sdk.Engine.Tests.Configuration;

public sealed class SeedConfigTests
{
    [Fact]
    public void SeedConfigurationIsReadUnchanged()
    {
        var config = ReleaseConfigParser.Parse(SeedConfig.Json, SeedConfig.Path);

        Assert.Equal(
            [
                new BranchSpec("+([0-9])?(.{+([0-9]),x}).x"), new BranchSpec("main"), new BranchSpec("next"), new BranchSpec("next-major"),
                new BranchSpec("beta", Prerelease: ""), new BranchSpec("alpha", Prerelease: ""),
            ],
            config.Branches);
        Assert.Equal("v${version}", config.TagFormat);
        Assert.Equal(Preset.ConventionalCommits, config.Analyzer.Preset);
        Assert.Equal(["BREAKING CHANGE", "BREAKING CHANGES"], config.Analyzer.NoteKeywords);
        Assert.Equal(
            [
                "{type: \"docs\", scope: \"README\"} → patch",
                "{type: \"refactor\"} → patch",
                "{type: \"style\"} → false",
                "{type: \"perf\"} → patch",
                "{scope: \"no-release\"} → false",
            ],
            config.Analyzer.ReleaseRules!.Select(r => r.ToString()));
        Assert.Equal(SeedConfig.Path, config.SourceFile);
    }

    [Fact]
    public void SeedConfigurationKeepsTheOtherPluginsInTheDocument()
    {
        var config = ReleaseConfigParser.Parse(SeedConfig.Json, SeedConfig.Path);

        var plugins = config.Document!["plugins"]!.AsArray().Select(p => p!.AsArray()[0]!.GetValue<string>()).ToList();
        Assert.Equal(
            ["@semantic-release/commit-analyzer", "@semantic-release/release-notes-generator", "@semantic-release/changelog",
             "@semantic-release/exec", "@semantic-release/github", "@semantic-release/git"],
            plugins);
        Assert.Equal("CHANGELOG.md", config.Document["plugins"]![2]![1]!["changelogFile"]!.GetValue<string>());
    }

    [Fact]
    public void SeedConfigurationLoadsFromTheRepositoryRoot()
    {
        var root = Directory.CreateTempSubdirectory("rsdk-seed-").FullName;
        try
        {
            File.Copy(SeedConfig.Path, Path.Combine(root, ".releaserc.json"));

            var config = ReleaseConfigLoader.Load(root, null, ReleaseConfigOverrides.None);

            Assert.Equal(5, config.Analyzer.ReleaseRules!.Count);
            Assert.Equal(Path.Combine(root, ".releaserc.json"), config.SourceFile);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
