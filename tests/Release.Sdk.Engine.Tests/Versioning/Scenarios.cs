using Release.Sdk.Engine.Tests.Fakes;

namespace Release.Sdk.Engine.Tests.Versioning;

/// <summary>
/// The repositories of semantic-release-behaviour.md, built exactly as ../peers/selftest.sh builds them (same
/// commits, tags, branches and checked-out branch), in memory.
/// </summary>
internal static class Scenarios
{
    public static FakeRepository Build(string name)
    {
        var r = new FakeRepository();
        switch (name)
        {
            case "no-tags":
                r.Commits("feat: first feature", "fix: first fix", "docs: readme");
                break;
            case "tagged-mixed":
                r.Commit("feat: initial"); r.Tag("v1.2.3");
                r.Commits("fix(parser): handle empty input (#42)\n\nCloses #17", "feat(api): add endpoint", "perf: faster cache",
                    "docs: update readme", "refactor: tidy", "style: format", "test: more tests", "build: bump sdk", "ci: cache",
                    "chore: deps", "feat: second feature", "fix(parser): another parser fix");
                break;
            case "perf-only":
                r.Commit("feat: initial"); r.Tag("v1.2.3"); r.Commit("perf: faster");
                break;
            case "docs-only":
                r.Commit("feat: initial"); r.Tag("v1.2.3"); r.Commits("docs: readme", "chore: deps", "refactor: x");
                break;
            case "feat-bang":
                r.Commit("feat: initial"); r.Tag("v1.2.3"); r.Commit("feat!: drop old runtime");
                break;
            case "scope-bang":
                r.Commit("feat: initial"); r.Tag("v1.2.3"); r.Commit("fix(api)!: rename field");
                break;
            case "breaking-footer":
                r.Commit("feat: initial"); r.Tag("v1.2.3");
                r.Commits("feat: new config api\n\nBREAKING CHANGE: the old config api is removed", "fix: small fix");
                break;
            case "breaking-hyphen":
                r.Commit("feat: initial"); r.Tag("v1.2.3"); r.Commit("fix: change default\n\nBREAKING-CHANGE: default is now off");
                break;
            case "revert-unreleased":
            {
                r.Commit("feat: initial"); r.Tag("v1.2.3");
                var h = r.Commit("feat: add thing");
                r.Commit($"Revert \"feat: add thing\"\n\nThis reverts commit {h}.");
                break;
            }
            case "revert-released":
            {
                r.Commit("feat: initial");
                var h = r.Commit("fix: old fix"); r.Tag("v1.2.3");
                r.Commit($"Revert \"fix: old fix\"\n\nThis reverts commit {h}.");
                break;
            }
            case "revert-lower":
            {
                r.Commit("feat: initial"); r.Tag("v1.2.3");
                var h = r.Commit("feat: add thing");
                r.Commit($"revert: feat: add thing\n\nThis reverts commit {h}.");
                break;
            }
            case "non-conventional":
                r.Commit("feat: initial"); r.Tag("v1.2.3"); r.Commits("Update stuff", "WIP", "Fixed bug in parser");
                break;
            case "zero-major":
                r.Commit("feat: initial"); r.Tag("v0.3.0"); r.Commit("feat!: breaking in 0.x");
                break;
            case "zero-feat":
                r.Commit("feat: initial"); r.Tag("v0.3.0"); r.Commit("feat: feature in 0.x");
                break;
            case "beta-first":
                r.Commit("feat: initial"); r.Tag("v1.0.0"); r.Checkout("beta", create: true); r.Commit("feat!: new engine");
                break;
            case "beta-second":
                // selftest.sh also writes the channel note {"channels":["beta"]}; Release.Sdk reads no notes.
                r.Commit("feat: initial"); r.Tag("v1.0.0"); r.Checkout("beta", create: true); r.Commit("feat!: new engine");
                r.Tag("v2.0.0-beta.1"); r.Commit("fix: beta fix");
                break;
            case "maint-1x":
            case "maint-1x-feat":
            case "maint-1x-major":
                r.Commit("feat: initial"); r.Tag("v1.0.0"); r.Commit("feat: b"); r.Tag("v1.1.0");
                r.Branch("1.x"); r.Commit("feat!: v2"); r.Tag("v2.0.0");
                r.Checkout("1.x");
                r.Commit(name switch
                {
                    "maint-1x" => "fix: backport fix",
                    "maint-1x-feat" => "feat: backport feature",
                    _ => "feat!: breaking on maintenance",
                });
                break;
            case "custom-rules":
                r.Commit("feat: initial"); r.Tag("v1.2.3"); r.Commits("docs(readme): typo", "refactor: x");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown scenario.");
        }
        return r;
    }
}
