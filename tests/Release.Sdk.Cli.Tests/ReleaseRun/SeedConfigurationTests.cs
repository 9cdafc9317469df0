namespace Release.Sdk.Cli.Tests.ReleaseRun;

public sealed class SeedConfigurationTests
{
    // The seed's .releaserc.json exactly as docs/seed-release-automation.md has it.
    private const string SeedReleaseRc = """
        {
          "branches": [
            "+([0-9])?(.{+([0-9]),x}).x",
            "main",
            "next",
            "next-major",
            { "name": "beta", "prerelease": true },
            { "name": "alpha", "prerelease": true }
          ],
          "plugins": [
            ["@semantic-release/commit-analyzer", {
              "preset": "conventionalcommits",
              "releaseRules": [
                {"type": "docs", "scope": "README", "release": "patch"},
                {"type": "refactor", "release": "patch"},
                {"type": "style", "release": false},
                {"type": "perf", "release": "patch"},
                {"scope": "no-release", "release": false}
              ],
              "parserOpts": { "noteKeywords": ["BREAKING CHANGE", "BREAKING CHANGES"] }
            }],
            ["@semantic-release/release-notes-generator", {
              "preset": "conventionalcommits",
              "presetConfig": {
                "types": [
                  {"type": "feat", "section": "🚀 Features"},
                  {"type": "fix", "section": "🐛 Bug Fixes"},
                  {"type": "perf", "section": "⚡ Performance Improvements"},
                  {"type": "revert", "section": "⏪ Reverts"},
                  {"type": "docs", "section": "📚 Documentation"},
                  {"type": "style", "section": "💄 Styles"},
                  {"type": "refactor", "section": "♻️ Code Refactoring"},
                  {"type": "test", "section": "✅ Tests"},
                  {"type": "build", "section": "🏗️ Build System"},
                  {"type": "ci", "section": "👷 CI/CD"}
                ]
              }
            }],
            ["@semantic-release/changelog", { "changelogFile": "CHANGELOG.md" }],
            ["@semantic-release/exec", {
              "verifyReleaseCmd": "python scripts/pre-release-checks.py ${nextRelease.version}",
              "prepareCmd": "python scripts/update-version.py ${nextRelease.version}",
              "publishCmd": "python scripts/publish-release.py ${nextRelease.version}",
              "successCmd": "python scripts/post-release-actions.py ${nextRelease.version}"
            }],
            ["@semantic-release/github", {
              "assets": [
                {"path": "dist/*.whl", "label": "Python Wheel"},
                {"path": "dist/*.tar.gz", "label": "Source Distribution"},
                {"path": "docs/api/openapi.json", "label": "OpenAPI Specification"},
                {"path": "security-report.json", "label": "Security Report"}
              ],
              "addReleases": "bottom"
            }],
            ["@semantic-release/git", {
              "assets": ["CHANGELOG.md", "pyproject.toml", "sql_synthesizer/__init__.py"],
              "message": "chore(release): ${nextRelease.version} [skip ci]\n\n${nextRelease.notes}"
            }]
          ]
        }
        """;

    [Fact]
    public void SeedConfigurationPlansUnchanged()
    {
        using var repos = new ReleaseRepos();
        repos.Write(".releaserc.json", SeedReleaseRc);
        repos.Work.Git("add", "-A");
        repos.Work.Commit("refactor: tidy the parser", "src/parser.txt");

        var plan = CliRun.With(repos.Environment, repos.Work, "plan", "--json", "--cwd", repos.Work.Path, "--settings", repos.SettingsFile).Json();

        Assert.Equal("1.1.0", plan.GetProperty("version").GetString());
        var notes = plan.GetProperty("notes").GetString()!;
        Assert.Contains("### 🚀 Features", notes);
        Assert.Contains("### ♻️ Code Refactoring", notes);
        Assert.StartsWith("chore(release): 1.1.0 [skip ci]\n\n## 1.1.0 (2026-03-04)", plan.GetProperty("commitMessage").GetString());
        var hooks = plan.GetProperty("hooks").EnumerateArray().Select(h => $"{h.GetProperty("step").GetString()}: {h.GetProperty("command").GetString()}").ToList();
        Assert.Equal(
        [
            "verifyReleaseCmd: python scripts/pre-release-checks.py 1.1.0",
            "prepareCmd: python scripts/update-version.py 1.1.0",
            "publishCmd: python scripts/publish-release.py 1.1.0",
            "successCmd: python scripts/post-release-actions.py 1.1.0",
        ], hooks);
        Assert.Equal("", repos.Status());
    }
}
