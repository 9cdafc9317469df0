using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Branches;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Engine.Tests.Configuration;

public sealed class ReleaseConfigLoaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rsdk-config-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string name, string content)
    {
        var path = Path.Combine(_root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    [Fact]
    public void NoFileGivesDefaults()
    {
        var config = ReleaseConfigLoader.Load(_root, null, ReleaseConfigOverrides.None);

        Assert.Null(config.SourceFile);
        Assert.Null(config.Document);
        Assert.Equal(BranchSpec.Defaults, config.Branches);
        Assert.Equal(Preset.ConventionalCommits, config.Analyzer.Preset);
        Assert.Equal("alpha", config.BuildLabel);
    }

    [Fact]
    public void NoRepositoryRootGivesDefaults()
    {
        Assert.Null(ReleaseConfigLoader.Load(null, null, ReleaseConfigOverrides.None).SourceFile);
    }

    [Fact]
    public void ReleasercJsonIsRead()
    {
        Write(".releaserc.json", """{"tagFormat": "release-${version}"}""");

        Assert.Equal("release-${version}", ReleaseConfigLoader.Load(_root, null, ReleaseConfigOverrides.None).TagFormat);
    }

    [Fact]
    public void ReleasercWithoutExtensionIsReadAsJson()
    {
        Write(".releaserc", """{"preset": "angular"}""");

        Assert.Equal(Preset.Angular, ReleaseConfigLoader.Load(_root, null, ReleaseConfigOverrides.None).Analyzer.Preset);
    }

    [Fact]
    public void ReleasercWinsOverReleasercJsonAsInCosmiconfig()
    {
        // cosmiconfig 9 (semantic-release's loader) searches package.json, .releaserc, .releaserc.json, … in that order.
        Write(".releaserc", """{"preset": "angular"}""");
        Write(".releaserc.json", """{"preset": "conventionalcommits"}""");

        var config = ReleaseConfigLoader.Load(_root, null, ReleaseConfigOverrides.None);

        Assert.Equal(Preset.Angular, config.Analyzer.Preset);
        Assert.EndsWith(".releaserc", config.SourceFile);
    }

    [Fact]
    public void PackageJsonReleaseKeyComesFirst()
    {
        Write("package.json", """{"name": "x", "release": {"branches": ["trunk"]}}""");
        Write(".releaserc.json", """{"branches": ["main"]}""");

        Assert.Equal([new BranchSpec("trunk")], ReleaseConfigLoader.Load(_root, null, ReleaseConfigOverrides.None).Branches);
    }

    [Fact]
    public void PackageJsonWithoutReleaseKeyIsSkipped()
    {
        Write("package.json", """{"name": "x"}""");
        Write(".releaserc.json", """{"branches": ["main"]}""");

        Assert.Equal([new BranchSpec("main")], ReleaseConfigLoader.Load(_root, null, ReleaseConfigOverrides.None).Branches);
    }

    [Fact]
    public void YamlReleasercIsRsdk1001SayingToConvert()
    {
        Write(".releaserc", "branches:\n  - main\n");

        var e = Assert.Throws<ReleaseException>(() => ReleaseConfigLoader.Load(_root, null, ReleaseConfigOverrides.None));

        Assert.Equal("RSDK1001", e.Code);
        Assert.Contains(Path.Combine(_root, ".releaserc"), e.Message);
        Assert.Contains("YAML", e.Message);
    }

    [Theory]
    [InlineData(".releaserc.yml")]
    [InlineData("release.config.js")]
    [InlineData(".config/releaserc.json")]
    public void ConfigurationsReleaseSdkCannotReadAreRefused(string name)
    {
        Write(name, "module.exports = {}");

        var e = Assert.Throws<ReleaseException>(() => ReleaseConfigLoader.Load(_root, null, ReleaseConfigOverrides.None));

        Assert.Equal("RSDK1001", e.Code);
        Assert.Contains(".releaserc.json", e.Message);
    }

    [Fact]
    public void ExplicitConfigFileIsUsedInsteadOfTheSearch()
    {
        Write(".releaserc.json", """{"preset": "conventionalcommits"}""");
        Write("ci/release.json", """{"preset": "angular"}""");

        var config = ReleaseConfigLoader.Load(_root, "ci/release.json", ReleaseConfigOverrides.None);

        Assert.Equal(Preset.Angular, config.Analyzer.Preset);
        Assert.Equal(Path.Combine(_root, "ci", "release.json"), config.SourceFile);
    }

    [Fact]
    public void MissingExplicitConfigFileIsRsdk1007()
    {
        var e = Assert.Throws<ReleaseException>(() => ReleaseConfigLoader.Load(_root, "nope.json", ReleaseConfigOverrides.None));

        Assert.Equal("RSDK1007", e.Code);
        Assert.Contains(Path.Combine(_root, "nope.json"), e.Message);
    }

    [Fact]
    public void ExplicitSettingsWinOverTheFile()
    {
        Write(".releaserc.json", """
            {"branches": ["main"], "tagFormat": "release-${version}",
             "plugins": [["@semantic-release/commit-analyzer", {"preset": "angular", "releaseRules": [{"type": "docs", "release": "patch"}],
                          "parserOpts": {"noteKeywords": ["BREAKING CHANGE"]}}]]}
            """);
        var overrides = new ReleaseConfigOverrides(
            TagPrefix: "ver",
            Preset: "conventionalcommits",
            Branches: [new BranchSpec("trunk")],
            ReleaseRules: [new ReleaseRule(new Dictionary<string, string> { ["type"] = "chore" }, ReleaseType.Patch)],
            BuildLabel: "ci",
            NoteKeywords: ["BREAKING"]);

        var config = ReleaseConfigLoader.Load(_root, null, overrides);

        Assert.Equal("ver${version}", config.TagFormat);
        Assert.Equal(Preset.ConventionalCommits, config.Analyzer.Preset);
        Assert.Equal([new BranchSpec("trunk")], config.Branches);
        Assert.Equal(["{type: \"chore\"} → patch", "{type: \"docs\"} → patch"], config.Analyzer.ReleaseRules!.Select(r => r.ToString()));
        Assert.Equal("ci", config.BuildLabel);
        Assert.Equal(["BREAKING"], config.Analyzer.NoteKeywords);
    }

    [Fact]
    public void TagFormatWinsOverTagPrefix()
    {
        var config = ReleaseConfigLoader.Load(_root, null, new ReleaseConfigOverrides(TagPrefix: "x", TagFormat: "app-${version}"));

        Assert.Equal("app-${version}", config.TagFormat);
    }

    [Fact]
    public void EmptyTagPrefixMeansBareVersions()
    {
        Assert.Equal("${version}", ReleaseConfigLoader.Load(_root, null, new ReleaseConfigOverrides(TagPrefix: "")).TagFormat);
    }

    [Theory]
    [InlineData("bad prefix ")]
    [InlineData("v..")]
    public void InvalidTagPrefixIsRsdk1005(string prefix)
    {
        var e = Assert.Throws<ReleaseException>(() => ReleaseConfigLoader.Load(_root, null, new ReleaseConfigOverrides(TagPrefix: prefix)));

        Assert.Equal("RSDK1005", e.Code);
        Assert.Contains("ReleaseTagPrefix", e.Message);
    }

    [Fact]
    public void UnknownPresetOverrideIsRsdk1004()
    {
        var e = Assert.Throws<ReleaseException>(() => ReleaseConfigLoader.Load(_root, null, new ReleaseConfigOverrides(Preset: "ember")));

        Assert.Equal("RSDK1004", e.Code);
        Assert.Contains("ReleasePreset", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("al pha")]
    [InlineData("01")]
    [InlineData("a..b")]
    public void InvalidBuildLabelIsRsdk1006(string label)
    {
        var e = Assert.Throws<ReleaseException>(() => ReleaseConfigLoader.Load(_root, null, new ReleaseConfigOverrides(BuildLabel: label)));

        Assert.Equal("RSDK1006", e.Code);
        Assert.Contains("ReleaseBuildLabel", e.Message);
    }
}
