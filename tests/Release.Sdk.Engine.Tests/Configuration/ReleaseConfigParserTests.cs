using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Branches;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Engine.Tests.Configuration;

public sealed class ReleaseConfigParserTests
{
    private static ReleaseConfig Parse(string json) => ReleaseConfigParser.Parse(json, "/repo/.releaserc.json");

    private static ReleaseException Fails(string json) => Assert.Throws<ReleaseException>(() => Parse(json));

    [Fact]
    public void EmptyObjectGivesSemanticReleaseDefaultsAndConventionalCommits()
    {
        var config = Parse("{}");

        Assert.Equal(BranchSpec.Defaults, config.Branches);
        Assert.Equal("v${version}", config.TagFormat);
        Assert.Equal(Preset.ConventionalCommits, config.Analyzer.Preset);
        Assert.Null(config.Analyzer.ReleaseRules);
        Assert.Null(config.Analyzer.NoteKeywords);
    }

    [Fact]
    public void CommentsAndTrailingCommasAreAllowed()
    {
        var config = Parse("""
            // release configuration
            { "branches": ["main", /* and */ "beta",], }
            """);

        Assert.Equal([new BranchSpec("main"), new BranchSpec("beta")], config.Branches);
    }

    [Fact]
    public void BranchesMayBeASingleString()
    {
        Assert.Equal([new BranchSpec("trunk")], Parse("""{"branches": "trunk"}""").Branches);
    }

    [Fact]
    public void BranchesMayBeASingleObject()
    {
        Assert.Equal([new BranchSpec("rc", Prerelease: "rc", Channel: "next")], Parse("""{"branches": {"name": "rc", "prerelease": "rc", "channel": "next"}}""").Branches);
    }

    [Fact]
    public void BranchObjectsKeepChannelRangeAndPrerelease()
    {
        var config = Parse("""
            {"branches": [
              {"name": "support/1", "range": "1.x", "channel": "legacy"},
              {"name": "main", "channel": false},
              {"name": "beta", "prerelease": true},
              {"name": "dev", "prerelease": false}
            ]}
            """);

        Assert.Equal(
            [
                new BranchSpec("support/1", Channel: "legacy", Range: "1.x"),
                new BranchSpec("main", ChannelIsFalse: true),
                new BranchSpec("beta", Prerelease: ""),
                new BranchSpec("dev"),
            ],
            config.Branches);
    }

    [Fact]
    public void TopLevelAnalyzerOptionsAreRead()
    {
        var config = Parse("""{"preset": "angular", "releaseRules": [{"type": "docs", "release": "patch"}], "parserOpts": {"noteKeywords": ["BREAKING"]}}""");

        Assert.Equal(Preset.Angular, config.Analyzer.Preset);
        Assert.Equal("{type: \"docs\"} → patch", Assert.Single(config.Analyzer.ReleaseRules!).ToString());
        Assert.Equal(["BREAKING"], config.Analyzer.NoteKeywords);
    }

    [Fact]
    public void CommitAnalyzerPluginOptionsWinOverTopLevelOnes()
    {
        var config = Parse("""
            {"preset": "conventionalcommits", "releaseRules": [{"type": "docs", "release": "patch"}],
             "plugins": [["@semantic-release/commit-analyzer", {"preset": "ANGULAR"}], "@semantic-release/release-notes-generator"]}
            """);

        Assert.Equal(Preset.Angular, config.Analyzer.Preset);
        Assert.Single(config.Analyzer.ReleaseRules!); // key by key: top-level releaseRules still apply
    }

    [Fact]
    public void RuleConditionsBreakingAndRevertAreRead()
    {
        var rule = Assert.Single(Parse("""{"releaseRules": [{"type": "/^feat/", "scope": "api*", "breaking": true, "revert": false, "release": "major"}]}""").Analyzer.ReleaseRules!);

        Assert.Equal(new Dictionary<string, string> { ["type"] = "/^feat/", ["scope"] = "api*" }, rule.Conditions);
        Assert.True(rule.Breaking);
        Assert.False(rule.Revert);
        Assert.Equal(ReleaseType.Major, rule.Release);
    }

    [Fact]
    public void InvalidJsonIsRsdk1001NamingTheFile()
    {
        var e = Fails("""{"branches": ["main" "beta"]}""");

        Assert.Equal("RSDK1001", e.Code);
        Assert.StartsWith("/repo/.releaserc.json: not valid JSON", e.Message);
    }

    [Fact]
    public void NonObjectRootIsRsdk1001()
    {
        Assert.Equal("RSDK1001", Fails("""["main"]""").Code);
    }

    [Theory]
    [InlineData("""{"branches": [42]}""", "'branches[0]'")]
    [InlineData("""{"branches": [""]}""", "'branches[0]'")]
    [InlineData("""{"branches": [{"channel": "x"}]}""", "'branches[0].name'")]
    [InlineData("""{"branches": [{"name": "beta", "prerelease": 1}]}""", "'branches[0].prerelease'")]
    [InlineData("""{"branches": [{"name": "beta", "prerelease": ""}]}""", "'branches[0].prerelease'")]
    [InlineData("""{"branches": [{"name": "main", "channel": true}]}""", "'branches[0].channel'")]
    [InlineData("""{"branches": ["main", {"name": "1.x", "range": 1}]}""", "'branches[1].range'")]
    public void WrongBranchShapesAreRsdk1002NamingTheKey(string json, string key)
    {
        var e = Fails(json);

        Assert.Equal("RSDK1002", e.Code);
        Assert.Contains(key, e.Message);
        Assert.Contains("/repo/.releaserc.json", e.Message);
    }

    [Theory]
    [InlineData("""{"releaseRules": "./rules.js"}""", "'releaseRules'")]
    [InlineData("""{"releaseRules": [{"type": "docs"}]}""", "'releaseRules[0]'")]
    [InlineData("""{"releaseRules": [{"type": "docs", "release": "huge"}]}""", "'releaseRules[0].release'")]
    [InlineData("""{"releaseRules": [{"type": "docs", "release": "prerelease"}]}""", "'releaseRules[0].release'")]
    [InlineData("""{"releaseRules": [{"type": 3, "release": "patch"}]}""", "'releaseRules[0].type'")]
    [InlineData("""{"releaseRules": [{"breaking": "yes", "release": "major"}]}""", "'releaseRules[0].breaking'")]
    [InlineData("""{"plugins": [["@semantic-release/commit-analyzer", {"releaseRules": [1]}]]}""", "'plugins[0][1].releaseRules[0]'")]
    public void WrongRulesAreRsdk1003NamingTheKey(string json, string key)
    {
        var e = Fails(json);

        Assert.Equal("RSDK1003", e.Code);
        Assert.Contains(key, e.Message);
    }

    [Theory]
    [InlineData("""{"preset": "eslint"}""")]
    [InlineData("""{"preset": 1}""")]
    [InlineData("""{"plugins": [["@semantic-release/commit-analyzer", {"preset": "atom"}]]}""")]
    public void UnknownPresetIsRsdk1004(string json)
    {
        var e = Fails(json);

        Assert.Equal("RSDK1004", e.Code);
        Assert.Contains("conventionalcommits", e.Message);
    }

    [Theory]
    [InlineData("""{"tagFormat": "release"}""")]
    [InlineData("""{"tagFormat": "v${version}-${version}"}""")]
    [InlineData("""{"tagFormat": "v ${version}"}""")]
    [InlineData("""{"tagFormat": "${channel}-${version}"}""")]
    [InlineData("""{"tagFormat": 1}""")]
    public void InvalidTagFormatIsRsdk1005(string json)
    {
        Assert.Equal("RSDK1005", Fails(json).Code);
    }

    [Theory]
    [InlineData("""{"plugins": "@semantic-release/git"}""", "'plugins'")]
    [InlineData("""{"plugins": [["@semantic-release/git", "x"]]}""", "'plugins[0]'")]
    [InlineData("""{"plugins": [42]}""", "'plugins[0]'")]
    [InlineData("""{"parserOpts": {"headerPattern": "^(\\w*): (.*)$"}}""", "'parserOpts.headerPattern'")]
    [InlineData("""{"parserOpts": {"noteKeywords": "BREAKING"}}""", "'parserOpts.noteKeywords'")]
    public void WrongPluginsAndParserOptionsAreRsdk1001NamingTheKey(string json, string key)
    {
        var e = Fails(json);

        Assert.Equal("RSDK1001", e.Code);
        Assert.Contains(key, e.Message);
    }

    [Fact]
    public void UnknownKeysAndOtherPluginsAreAccepted()
    {
        var config = Parse("""{"ci": false, "dryRun": true, "plugins": ["@semantic-release/npm", ["@semantic-release/exec", {"publishCmd": "x"}]]}""");

        Assert.Equal(Preset.ConventionalCommits, config.Analyzer.Preset);
        Assert.False(config.Document!["ci"]!.GetValue<bool>());
    }
}
