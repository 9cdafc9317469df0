using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Branches;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Engine.Tests.Versioning;

/// <summary>
/// Every row of docs/semantic-release-behaviour.md, both presets, at the version level. Expected values are what
/// semrel-next (semantic-release 24.2.9) printed for the selftest.sh repositories on this machine: next version,
/// release type, branch type, channel, last release, commit count, or the error code.
/// </summary>
public sealed class SemanticReleaseBehaviourTests
{
    private const string CustomRules = """{"releaseRules":[{"type":"docs","scope":"readme","release":"patch"},{"type":"refactor","release":"minor"}]}""";

    public static TheoryData<string, string, string?, string?, string, string?, string?, int> Rows => new()
    {
        // scenario, preset, next, type, branchType, channel, lastReleaseTag, commits
        { "no-tags", "angular", "1.0.0", "minor", "release", null, null, 3 },
        { "no-tags", "conventionalcommits", "1.0.0", "minor", "release", null, null, 3 },
        { "tagged-mixed", "angular", "1.3.0", "minor", "release", null, "v1.2.3", 12 },
        { "tagged-mixed", "conventionalcommits", "1.3.0", "minor", "release", null, "v1.2.3", 12 },
        { "perf-only", "angular", "1.2.4", "patch", "release", null, "v1.2.3", 1 },
        { "perf-only", "conventionalcommits", "1.2.4", "patch", "release", null, "v1.2.3", 1 },
        { "docs-only", "angular", null, null, "release", null, "v1.2.3", 3 },
        { "docs-only", "conventionalcommits", null, null, "release", null, "v1.2.3", 3 },
        { "feat-bang", "angular", null, null, "release", null, "v1.2.3", 1 },
        { "feat-bang", "conventionalcommits", "2.0.0", "major", "release", null, "v1.2.3", 1 },
        { "scope-bang", "angular", null, null, "release", null, "v1.2.3", 1 },
        { "scope-bang", "conventionalcommits", "2.0.0", "major", "release", null, "v1.2.3", 1 },
        { "breaking-footer", "angular", "2.0.0", "major", "release", null, "v1.2.3", 2 },
        { "breaking-footer", "conventionalcommits", "2.0.0", "major", "release", null, "v1.2.3", 2 },
        { "breaking-hyphen", "angular", "1.2.4", "patch", "release", null, "v1.2.3", 1 },
        { "breaking-hyphen", "conventionalcommits", "2.0.0", "major", "release", null, "v1.2.3", 1 },
        { "revert-unreleased", "angular", null, null, "release", null, "v1.2.3", 2 },
        { "revert-unreleased", "conventionalcommits", null, null, "release", null, "v1.2.3", 2 },
        { "revert-released", "angular", "1.2.4", "patch", "release", null, "v1.2.3", 1 },
        { "revert-released", "conventionalcommits", "1.2.4", "patch", "release", null, "v1.2.3", 1 },
        { "revert-lower", "angular", null, null, "release", null, "v1.2.3", 2 },
        { "revert-lower", "conventionalcommits", null, null, "release", null, "v1.2.3", 2 },
        { "non-conventional", "angular", null, null, "release", null, "v1.2.3", 3 },
        { "non-conventional", "conventionalcommits", null, null, "release", null, "v1.2.3", 3 },
        { "zero-major", "angular", null, null, "release", null, "v0.3.0", 1 },
        { "zero-major", "conventionalcommits", "1.0.0", "major", "release", null, "v0.3.0", 1 },
        { "zero-feat", "angular", "0.4.0", "minor", "release", null, "v0.3.0", 1 },
        { "zero-feat", "conventionalcommits", "0.4.0", "minor", "release", null, "v0.3.0", 1 },
        { "beta-first", "angular", null, null, "prerelease", "beta", "v1.0.0", 1 },
        { "beta-first", "conventionalcommits", "2.0.0-beta.1", "major", "prerelease", "beta", "v1.0.0", 1 },
        { "beta-second", "angular", "2.0.0-beta.2", "patch", "prerelease", "beta", "v2.0.0-beta.1", 1 },
        { "beta-second", "conventionalcommits", "2.0.0-beta.2", "patch", "prerelease", "beta", "v2.0.0-beta.1", 1 },
        { "maint-1x", "angular", "1.1.1", "patch", "maintenance", "1.x", "v1.1.0", 1 },
        { "maint-1x", "conventionalcommits", "1.1.1", "patch", "maintenance", "1.x", "v1.1.0", 1 },
        { "maint-1x-feat", "angular", "1.2.0", "minor", "maintenance", "1.x", "v1.1.0", 1 },
        { "maint-1x-feat", "conventionalcommits", "1.2.0", "minor", "maintenance", "1.x", "v1.1.0", 1 },
        { "maint-1x-major", "angular", null, null, "maintenance", "1.x", "v1.1.0", 1 },
        { "custom-rules", "angular", "1.3.0", "minor", "release", null, "v1.2.3", 2 },
        { "custom-rules", "conventionalcommits", "1.3.0", "minor", "release", null, "v1.2.3", 2 },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void VersionMatchesSemanticRelease(string scenario, string preset, string? next, string? type, string branchType, string? channel, string? lastTag, int commits)
    {
        var repo = Scenarios.Build(scenario);
        var config = scenario == "custom-rules" ? ReleaseConfigParser.Parse(CustomRules, "custom-rules.json") : new ReleaseConfig();
        config = config with { Analyzer = config.Analyzer with { Preset = PresetNames.Parse(preset, "test") } };

        var d = Decide.With(repo, config);

        var because = repo.Dump();
        Assert.True(next == d.NextVersion, $"next: expected {next}, got {d.NextVersion}\n{because}");
        Assert.Equal(type, d.NextVersion is null ? null : d.Bump.ToString().ToLowerInvariant());
        Assert.Equal(next is null ? null : "v" + next, d.NextTag);
        Assert.Equal(branchType, d.BranchType?.ToString().ToLowerInvariant());
        Assert.Equal(channel, d.Channel);
        Assert.Equal(lastTag, d.PreviousTag);
        Assert.Equal(commits, d.CommitCount);
        Assert.True(d.CanRelease);
    }

    [Fact]
    public void BreakingChangeOnMaintenanceBranchIsOutOfRangeWithConventionalCommits()
    {
        var repo = Scenarios.Build("maint-1x-major");

        var e = Assert.Throws<ReleaseException>(() => Decide.With(repo, Preset.ConventionalCommits));

        Assert.Equal("RSDK3001", e.Code);
        // semantic-release's message, verified with semrel-next: "The release `2.0.0` on branch `1.x` cannot be published as it is out of range."
        Assert.StartsWith("EINVALIDNEXTVERSION: The release `2.0.0` on branch `1.x` cannot be published as it is out of range.", e.Message);
        Assert.Contains("range `>=1.1.0 <2.0.0`", e.Message);
        Assert.Contains("feat!: breaking on maintenance", e.Message);
        Assert.Contains("A valid branch could be `main`.", e.Message);
    }

    [Fact]
    public void MaintenanceBranchReportsItsRangeAndChannel()
    {
        var model = BranchModelFor(Scenarios.Build("maint-1x"));

        var maintenance = Assert.Single(model.Branches, b => b.Type == BranchType.Maintenance);
        Assert.Equal(">=1.1.0 <2.0.0", maintenance.Range!.ToString());
        Assert.Equal([ReleaseType.Patch, ReleaseType.Minor], maintenance.Accept);
        Assert.Equal(">=1.0.0 <2.0.0", maintenance.MergeRange!.ToString());
    }

    private static Engine.Branches.BranchModel BranchModelFor(Fakes.FakeRepository repo)
    {
        var tags = new Engine.Versioning.ReleaseTagIndex(repo, Engine.Versioning.TagFormat.Parse("v${version}"));
        return Engine.Versioning.CurrentBranch.ModelFor(repo, new ReleaseConfig(), tags, repo.CurrentBranch!, repo.Head)!;
    }
}
