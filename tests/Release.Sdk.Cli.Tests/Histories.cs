using Release.Sdk.TestKit;

namespace Release.Sdk.Cli.Tests;

/// <summary>Small histories the CLI tests share.</summary>
internal static class Histories
{
    /// <summary>feat, fix, tag v1.2.3 — the starting point most tests add to.</summary>
    public static TempGitRepo ReleasedAt123()
    {
        var repo = new TempGitRepo();
        repo.Commit("feat: first feature");
        repo.Commit("fix: first fix");
        repo.Tag("v1.2.3");
        return repo;
    }

    /// <summary>The seed configuration of the versioning issue, unchanged.</summary>
    public const string SeedConfig = """
        {
          "branches": ["+([0-9])?(.{+([0-9]),x}).x", "main", "next", "next-major", {"name": "beta", "prerelease": true}, {"name": "alpha", "prerelease": true}],
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
              "parserOpts": {"noteKeywords": ["BREAKING CHANGE", "BREAKING CHANGES"]}
            }],
            "@semantic-release/release-notes-generator",
            "@semantic-release/changelog",
            "@semantic-release/github",
            "@semantic-release/git"
          ]
        }
        """;
}
