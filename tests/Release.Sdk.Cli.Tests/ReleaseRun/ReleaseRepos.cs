using Release.Sdk.TestKit;

namespace Release.Sdk.Cli.Tests.ReleaseRun;

/// <summary>
/// A work clone whose origin is a local bare repository, with the seed's kind of project: .releaserc.json (notes,
/// changelog, exec hooks, git assets), a Helm chart, a docs/conf.py stamped by a regex, a settings file naming them.
/// v1.0.0 is released; a feat and a fix follow, so 1.1.0 is due.
/// </summary>
internal sealed class ReleaseRepos : IDisposable
{
    public const string ReleaseRc = """
        {
          "branches": ["main"],
          "plugins": [
            ["@semantic-release/commit-analyzer", { "preset": "conventionalcommits" }],
            ["@semantic-release/release-notes-generator", { "preset": "conventionalcommits" }],
            ["@semantic-release/changelog", { "changelogFile": "CHANGELOG.md" }],
            ["@semantic-release/exec", {
              "prepareCmd": "echo ${nextRelease.version} > VERSION.txt",
              "successCmd": "echo released ${nextRelease.gitTag} from ${lastRelease.version} on ${branch.name}"
            }],
            ["@semantic-release/git", { "assets": ["CHANGELOG.md", "*.txt"] }]
          ]
        }
        """;

    public TempGitRepo Origin { get; }
    public TempGitRepo Work { get; }
    public string SettingsFile { get; }
    public Dictionary<string, string?> Environment { get; } = TestEnvironment.CleanEnvironment();

    public ReleaseRepos()
    {
        Origin = new TempGitRepo(init: false);
        Origin.Git("init", "-q", "--bare", "-b", "main");
        Work = new TempGitRepo();
        Write(".releaserc.json", ReleaseRc);
        Write(".gitignore", "obj/\n");
        Write("helm/widget/Chart.yaml", "apiVersion: v2\nname: widget\n# keep this comment\nversion: 1.0.0\nappVersion: \"1.0.0\"\n");
        Write("docs/conf.py", "project = 'widget'\nversion = '1.0.0'\n");
        Write("VERSION.txt", "1.0.0\n");
        Work.Git("add", "-A");
        Work.Commit("feat: widget", "src/widget.txt");
        Work.Tag("v1.0.0");
        Work.Commit("feat: export to csv", "src/export.txt");
        Work.Commit("fix: handle empty input", "src/input.txt");
        Work.Git("remote", "add", "origin", Origin.Path);
        Work.Git("push", "-q", "origin", "main", "v1.0.0");
        Work.Git("branch", "-q", "--set-upstream-to=origin/main");

        SettingsFile = Path.Combine(Path.GetTempPath(), $"rsdk-settings-{Guid.NewGuid():N}.json");
        Settings("");
        Environment["SOURCE_DATE_EPOCH"] = "1772582400"; // 2026-03-04
        Environment["GIT_AUTHOR_NAME"] = "Release Bot";
        Environment["GIT_AUTHOR_EMAIL"] = "bot@example.com";
    }

    /// <summary>Writes the settings file with the version files and <paramref name="extra"/> JSON members (e.g. hooks).</summary>
    public void Settings(string extra) => File.WriteAllText(SettingsFile, $$"""
        {
          "versionFiles": [
            { "path": "helm/widget/Chart.yaml" },
            { "path": "docs/conf.py", "pattern": "version = '[^']+'", "replacement": "version = '${version}'" }
          ]{{(extra.Length > 0 ? ",\n" + extra : "")}}
        }
        """);

    public void Write(string path, string content)
    {
        var full = Path.Combine(Work.Path, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public string Read(string path) => File.ReadAllText(Path.Combine(Work.Path, path));

    public CliRun Release(params string[] extra) =>
        CliRun.With(Environment, Work, ["release", "--cwd", Work.Path, "--settings", SettingsFile, .. extra]);

    public string OriginRef(string name) => Origin.Git("rev-parse", "--verify", "-q", name + "^{commit}");

    public bool OriginHas(string reference)
    {
        try { OriginRef(reference); return true; }
        catch (InvalidOperationException) { return false; }
    }

    public string Status() => Work.Git("status", "--porcelain");

    public void Dispose()
    {
        Work.Dispose();
        Origin.Dispose();
        File.Delete(SettingsFile);
    }
}
