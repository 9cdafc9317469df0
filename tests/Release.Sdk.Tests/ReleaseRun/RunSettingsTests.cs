using System.Text.Json.Nodes;
using Microsoft.Build.Utilities;
using Release.Sdk.Tasks;
using Release.Sdk.TestKit;

namespace Release.Sdk.Tests.ReleaseRun;

/// <summary>ReleaseWriteRunSettings: MSBuild properties and items to the JSON file dotnet-release --settings reads.</summary>
public sealed class RunSettingsTests : IDisposable
{
    private readonly TempGitRepo _repo = new();

    private string ProjectDirectory => Path.Combine(_repo.Path, "src", "App");

    private string SettingsFile => Path.Combine(ProjectDirectory, "obj", "release-settings.json");

    [Fact]
    public void VersionFilesAreRelativeToTheRepositoryRootAndKeepTheirMetadata()
    {
        var task = Task(new ReleaseWriteRunSettings
        {
            VersionFiles =
            [
                new TaskItem("../../helm/app/Chart.yaml"),
                new TaskItem("docs/conf.py", new Dictionary<string, string> { ["Pattern"] = "(?<=version = ')[^']+", ["Replacement"] = "${version}", ["Kind"] = "Regex" }),
            ],
        });

        Assert.True(task.Execute());

        var files = Settings()["versionFiles"]!.AsArray();
        Assert.Equal("helm/app/Chart.yaml", (string?)files[0]!["path"]);
        Assert.Null(files[0]!["kind"]);
        Assert.Equal("src/App/docs/conf.py", (string?)files[1]!["path"]);
        Assert.Equal("Regex", (string?)files[1]!["kind"]);
        Assert.Equal("(?<=version = ')[^']+", (string?)files[1]!["pattern"]);
        Assert.Equal("${version}", (string?)files[1]!["replacement"]);
    }

    [Fact]
    public void OnlyWhatIsSetIsWrittenSoTheConfigFileFillsTheRest()
    {
        var task = Task(new ReleaseWriteRunSettings
        {
            PrepareCmd = "./stamp.sh ${nextRelease.version} && echo done; exit 0",
            TagOnly = "true",
            GitAssets = "CHANGELOG.md; helm/*/Chart.yaml",
            TokenVariable = "RELEASE_BOT_TOKEN",
        });

        Assert.True(task.Execute());

        var settings = Settings();
        Assert.Equal(["hooks", "tagOnly", "assets", "tokenVariable"], settings.Select(p => p.Key));
        Assert.Equal(["prepareCmd"], settings["hooks"]!.AsObject().Select(p => p.Key));
        Assert.Equal("./stamp.sh ${nextRelease.version} && echo done; exit 0", (string?)settings["hooks"]!["prepareCmd"]);
        Assert.True((bool)settings["tagOnly"]!);
        Assert.Equal(["CHANGELOG.md", "helm/*/Chart.yaml"], settings["assets"]!.AsArray().Select(a => (string?)a));
    }

    [Fact]
    public void BranchAndRuleItemsAreWrittenInReleasercShape()
    {
        var task = Task(new ReleaseWriteRunSettings
        {
            TagPrefix = "release-",
            NoteKeywords = "BREAKING CHANGE; BREAKING",
            Branches =
            [
                new TaskItem("main"),
                new TaskItem("beta", new Dictionary<string, string> { ["Prerelease"] = "true" }),
                new TaskItem("1.x", new Dictionary<string, string> { ["Channel"] = "false", ["Range"] = "1.x" }),
            ],
            Rules = [new TaskItem("readme", new Dictionary<string, string> { ["Type"] = "docs", ["Scope"] = "README", ["Release"] = "false", ["Breaking"] = "true" })],
        });

        Assert.True(task.Execute());

        var settings = Settings();
        Assert.Equal("release-", (string?)settings["tagPrefix"]);
        Assert.Equal("""["BREAKING CHANGE","BREAKING"]""", settings["noteKeywords"]!.ToJsonString());
        Assert.Equal("""[{"name":"main"},{"name":"beta","prerelease":true},{"name":"1.x","channel":false,"range":"1.x"}]""", settings["branches"]!.ToJsonString());
        Assert.Equal("""[{"breaking":true,"release":false,"scope":"README","type":"docs"}]""", settings["releaseRules"]!.ToJsonString());
    }

    [Fact]
    public void FlagThatIsNotABooleanIsCodedError()
    {
        var engine = new RecordingBuildEngine();
        var task = Task(new ReleaseWriteRunSettings { TagOnly = "yes" }, engine);

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("RSDK1006", error.Code);
        Assert.Contains("ReleaseTagOnly=\"yes\"", error.Message);
    }

    public void Dispose() => _repo.Dispose();

    private ReleaseWriteRunSettings Task(ReleaseWriteRunSettings task, RecordingBuildEngine? engine = null)
    {
        Directory.CreateDirectory(ProjectDirectory);
        task.BuildEngine = engine ?? new RecordingBuildEngine();
        task.ProjectDirectory = ProjectDirectory;
        task.SettingsFile = SettingsFile;
        return task;
    }

    private JsonObject Settings() => JsonNode.Parse(File.ReadAllText(SettingsFile))!.AsObject();
}
