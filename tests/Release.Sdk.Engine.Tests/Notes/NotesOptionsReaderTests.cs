using System.Text.Json.Nodes;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Notes;

namespace Release.Sdk.Engine.Tests.Notes;

public sealed class NotesOptionsReaderTests
{
    private static NotesOptions Read(string json, Preset fallback = Preset.ConventionalCommits) =>
        NotesOptionsReader.Read(JsonNode.Parse(json)!.AsObject(), fallback);

    [Fact]
    public void SeedEmojiSectionsAreReadFromThePluginEntry()
    {
        var options = Read("""
            {"plugins": ["@semantic-release/commit-analyzer",
              ["@semantic-release/release-notes-generator", {"preset": "conventionalcommits", "presetConfig": {"types": [
                {"type": "feat", "section": "🚀 Features"}, {"type": "ci", "section": "👷 CI/CD"}, {"type": "chore", "hidden": true}]}}]]}
            """, Preset.Angular);

        Assert.Equal(Preset.ConventionalCommits, options.Preset);
        Assert.Equal([new NotesType("feat", "🚀 Features"), new NotesType("ci", "👷 CI/CD"), new NotesType("chore", null, Hidden: true)], options.Types);
    }

    [Fact]
    public void PluginEntryWinsOverTopLevelKeyByKey()
    {
        var options = Read("""
            {"linkCompare": false, "linkReferences": false,
             "plugins": [["@semantic-release/release-notes-generator", {"linkReferences": true}]]}
            """);

        Assert.False(options.LinkCompare);
        Assert.True(options.LinkReferences);
    }

    [Fact]
    public void WithoutAPresetTheAnalyzersIsUsed()
    {
        var options = Read("""{"branches": ["main"]}""", Preset.Angular);

        Assert.Equal(Preset.Angular, options.Preset);
        Assert.False(options.PresetNamed);
    }

    [Fact]
    public void ParserAndWriterOptionsThatAreReproducedAreRead()
    {
        var options = Read("""
            {"parserOpts": {"noteKeywords": ["BREAKING CHANGE", "BREAKING"], "issuePrefixes": ["JIRA-"]},
             "writerOpts": {"commitsSort": "header"}, "presetConfig": {"issuePrefixes": ["#", "GH-"], "scope": "api"}}
            """);

        Assert.Equal(["BREAKING CHANGE", "BREAKING"], options.NoteKeywords);
        Assert.Equal(["JIRA-"], options.ParserIssuePrefixes);
        Assert.Equal(["header"], options.CommitsSort);
        Assert.Equal(["#", "GH-"], options.IssuePrefixes);
        Assert.Equal(["api"], options.Scope);
    }

    [Theory]
    [InlineData("""{"branches": ["main"]}""", true)]
    [InlineData("""{"plugins": ["@semantic-release/commit-analyzer", "@semantic-release/release-notes-generator"]}""", true)]
    [InlineData("""{"plugins": [["@semantic-release/release-notes-generator", {"preset": "angular"}]]}""", true)]
    [InlineData("""{"plugins": ["@semantic-release/commit-analyzer", "@semantic-release/github"]}""", false)]
    public void NotesAreGeneratedUnlessThePluginListLeavesTheGeneratorOut(string json, bool generates)
    {
        Assert.Equal(generates, NotesOptionsReader.GeneratesNotes(JsonNode.Parse(json)!.AsObject()));
    }

    [Theory]
    [InlineData("""{"writerOpts": {"mainTemplate": "{{version}}"}}""")]
    [InlineData("""{"parserOpts": {"headerPattern": "^(.*)$"}}""")]
    [InlineData("""{"config": "conventional-changelog-custom"}""")]
    [InlineData("""{"presetConfig": {"types": [{"section": "no type"}]}}""")]
    [InlineData("""{"preset": "eslint"}""")]
    public void OptionsThatWouldChangeTheNotesUnnoticedAreRefused(string json)
    {
        var error = Assert.Throws<ReleaseException>(() => Read(json));

        Assert.True(error.Code is "RSDK1001" or "RSDK1004", error.Code);
    }
}
