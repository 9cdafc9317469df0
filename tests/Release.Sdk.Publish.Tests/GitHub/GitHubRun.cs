using System.Text.Json.Nodes;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Commits;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.History;
using Release.Sdk.Engine.ReleaseRun;
using Release.Sdk.Publish.GitHub;

namespace Release.Sdk.Publish.Tests.GitHub;

/// <summary>
/// Drives the GitHub plugin through a release run's steps the way the orchestrator does (verify conditions → publish →
/// success, or fail), against the contract server, with fast retry settings so fault tests take milliseconds.
/// </summary>
internal sealed class GitHubRun : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rsdk-github-").FullName;

    public GitHubRun(FakeGitHub server)
    {
        Server = server;
        Settings = new JsonObject
        {
            ["apiUrl"] = server.ApiUrl,
            ["retryDelayMs"] = "10",
            ["maxRetryDelay"] = "3",
            ["timeout"] = "2",
            ["uploadTimeout"] = "2",
        };
    }

    public FakeGitHub Server { get; }
    public JsonObject Settings { get; }
    public JsonObject? Config { get; set; }
    public string Root => _root;
    public string Version { get; set; } = "1.2.0";
    public string? Channel { get; set; }
    public string Branch { get; set; } = "main";
    public string Notes { get; set; } = "## 1.2.0\n\n### Features\n\n* widgets";
    public string RepositoryUrl { get; set; } = $"https://github.com/{FakeGitHub.Owner}/{FakeGitHub.Repo}.git";
    public bool DryRun { get; set; }
    public bool Resumed { get; set; }
    public Dictionary<string, string?> Environment { get; } = new() { ["GITHUB_TOKEN"] = FakeGitHub.Token };
    public List<CommitDecision> Commits { get; } = [];
    public MemoryReleaseJournal Journal { get; set; } = new();
    public List<string> Log { get; } = [];
    public Dictionary<string, string> Outputs { get; } = [];
    public List<Diagnostic> Warnings { get; } = [];

    public string Tag => "v" + Version;

    public string WriteFile(string relative, string content)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void AddCommit(string sha, string message) =>
        Commits.Add(new CommitDecision(CommitParser.Parse(new CommitInfo(sha, message), ParserOptions.For(Preset.ConventionalCommits)), ReleaseType.Minor, null, null));

    public ReleaseContext Context() => new()
    {
        Version = Version,
        Tag = Tag,
        PreviousVersion = "1.1.0",
        PreviousTag = "v1.1.0",
        Branch = Branch,
        Channel = Channel,
        Notes = Notes,
        ReleaseType = "minor",
        Commits = Commits,
        RepositoryUrl = RepositoryUrl,
        WorkingDirectory = _root,
        Environment = Environment,
        DryRun = DryRun,
        Resumed = Resumed,
        Settings = Settings,
        Config = Config,
        Journal = Journal,
        Log = Log.Add,
        Outputs = Outputs,
        Warnings = Warnings,
    };

    /// <summary>A whole successful run: a fresh plugin, as each CLI process creates one.</summary>
    public GitHubPlugin Release()
    {
        var plugin = new GitHubPlugin();
        plugin.VerifyConditions(Context());
        plugin.Publish(Context());
        plugin.Success(Context());
        return plugin;
    }

    public void Fail(ReleaseException error)
    {
        var plugin = new GitHubPlugin();
        plugin.Fail(Context(), error);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
