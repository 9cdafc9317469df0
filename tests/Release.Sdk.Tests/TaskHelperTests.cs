using Microsoft.Build.Utilities;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Tasks;
using Release.Sdk.TestKit;

namespace Release.Sdk.Tests;

/// <summary>The task's own logic, without MSBuild: item mapping, assembly versions, the cache key.</summary>
public sealed class TaskHelperTests
{
    [Fact]
    public void ReleaseBranchMetadataMapsToBranchSpecs()
    {
        var task = new ReleaseComputeVersion
        {
            Branches =
            [
                new TaskItem("main"),
                new TaskItem("beta", new Dictionary<string, string> { ["Prerelease"] = "true" }),
                new TaskItem("preview", new Dictionary<string, string> { ["Prerelease"] = "rc", ["Channel"] = "next", ["Range"] = "2.x" }),
                new TaskItem("1.x", new Dictionary<string, string> { ["Channel"] = "false" }),
            ],
        };

        var branches = ConfigurationItems.Overrides(task).Branches!;

        Assert.Equal(new Engine.Branches.BranchSpec("main"), branches[0]);
        Assert.Equal(new Engine.Branches.BranchSpec("beta", Prerelease: ""), branches[1]);
        Assert.Equal(new Engine.Branches.BranchSpec("preview", Channel: "next", Prerelease: "rc", Range: "2.x"), branches[2]);
        Assert.Equal(new Engine.Branches.BranchSpec("1.x", ChannelIsFalse: true), branches[3]);
    }

    [Fact]
    public void ReleaseRuleMetadataBecomesConditionsOnParsedFields()
    {
        var task = new ReleaseComputeVersion
        {
            Rules = [new TaskItem("readme", new Dictionary<string, string> { ["Type"] = "docs", ["Scope"] = "README", ["Release"] = "patch", ["Breaking"] = "false" })],
        };

        var rule = Assert.Single(ConfigurationItems.Overrides(task).ReleaseRules!);

        Assert.Equal(ReleaseType.Patch, rule.Release);
        Assert.False(rule.Breaking);
        Assert.Null(rule.Revert);
        Assert.Equal(new Dictionary<string, string> { ["type"] = "docs", ["scope"] = "README" }, rule.Conditions);
    }

    [Fact]
    public void ReleaseRuleItemsTreatSlashValuesAsRegularExpressions()
    {
        var task = new ReleaseComputeVersion
        {
            Rules = [new TaskItem("ui", new Dictionary<string, string> { ["Scope"] = "/^ui-/", ["Release"] = "minor" })],
        };

        var rule = Assert.Single(ConfigurationItems.Overrides(task).ReleaseRules!);

        Assert.True(rule.RegexPatterns);
    }

    [Fact]
    public void ReleaseRuleItemWithAnInvalidRegularExpressionIsACodedError()
    {
        var task = new ReleaseComputeVersion
        {
            Rules = [new TaskItem("ui", new Dictionary<string, string> { ["Scope"] = "/(ui/", ["Release"] = "minor" })],
        };

        var e = Assert.Throws<ReleaseException>(() => ConfigurationItems.Overrides(task));

        Assert.Equal(DiagnosticCatalog.InvalidReleaseRule, e.Descriptor);
        Assert.Contains("not a valid regular expression", e.Message);
    }

    [Theory]
    [InlineData("Release", "sometimes")]
    [InlineData("Breaking", "maybe")]
    public void InvalidReleaseRuleMetadataIsACodedError(string name, string value)
    {
        var metadata = new Dictionary<string, string> { ["Type"] = "chore", ["Release"] = "minor", [name] = value };
        var task = new ReleaseComputeVersion { Rules = [new TaskItem("bad", metadata)] };

        var e = Assert.Throws<ReleaseException>(() => ConfigurationItems.Overrides(task));

        Assert.Equal(DiagnosticCatalog.InvalidReleaseRule, e.Descriptor);
        Assert.Contains($"{name}=\"{value}\"", e.Message);
    }

    [Fact]
    public void EmptyPropertiesAreNotOverrides()
    {
        var task = new ReleaseComputeVersion { TagPrefix = "", Preset = " ", NoteKeywords = "BREAKING CHANGE; BREAKING CHANGES" };

        var overrides = ConfigurationItems.Overrides(task);

        Assert.Null(overrides.TagPrefix);
        Assert.Null(overrides.Preset);
        Assert.Null(overrides.Branches);
        Assert.Equal(["BREAKING CHANGE", "BREAKING CHANGES"], overrides.NoteKeywords!);
    }

    [Theory]
    [InlineData("1.3.0-alpha.0.1+abc1234", "1.0.0.0", "1.3.0.0")]
    [InlineData("0.0.0-norepo", "0.0.0.0", "0.0.0.0")]
    [InlineData("12.4.7", "12.0.0.0", "12.4.7.0")]
    public void AssemblyVersionIsMajorOnlyAndFileVersionDropsThePrerelease(string version, string assemblyVersion, string fileVersion) =>
        Assert.Equal(new AssemblyVersions(assemblyVersion, fileVersion), AssemblyVersions.Of(version));

    [Fact]
    public void FingerprintChangesWithRefsAndConfigurationButNotWithBuildOutput()
    {
        using var repo = new TempGitRepo();
        repo.Commit("feat: one");
        var project = Path.Combine(repo.Path, "src", "App");
        Directory.CreateDirectory(project);
        var initial = RepositoryFingerprint.Compute(project);

        File.WriteAllText(Path.Combine(project, "obj.txt"), "build output");
        Assert.Equal(initial, RepositoryFingerprint.Compute(project));

        repo.Tag("v1.0.0");
        var tagged = RepositoryFingerprint.Compute(project);
        Assert.NotEqual(initial, tagged);

        File.WriteAllText(Path.Combine(repo.Path, ".releaserc.yaml"), "branches: [main]");
        var configured = RepositoryFingerprint.Compute(project);
        Assert.NotEqual(tagged, configured);

        repo.Commit("fix: two");
        Assert.NotEqual(configured, RepositoryFingerprint.Compute(project));
    }

    [Fact]
    public void NoFingerprintOutsideARepository()
    {
        using var directory = new TempGitRepo(init: false);

        Assert.Null(RepositoryFingerprint.Compute(directory.Path));
    }
}
