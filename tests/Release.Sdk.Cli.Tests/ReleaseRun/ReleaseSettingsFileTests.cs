using Release.Sdk.Cli.ReleaseRun;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Stamping;

namespace Release.Sdk.Cli.Tests.ReleaseRun;

public sealed class ReleaseSettingsFileTests
{
    [Fact]
    public void SettingsFileCarriesRunAndComputationSettings()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rsdk-settings-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            {
              "versionFiles": [{ "path": "pyproject.toml", "pattern": "version = \"[^\"]+\"", "replacement": "version = \"${version}\"" }, { "path": "VERSION", "kind": "plaintext" }],
              "hooks": { "prepareCmd": "make stamp" },
              "tagOnly": true,
              "assets": ["dist/*.json"],
              "tokenVariable": "RELEASE_TOKEN",
              "tagFormat": "release-${version}",
              "branches": ["main", { "name": "beta", "prerelease": true }],
              "releaseRules": [{ "type": "docs", "release": "patch" }],
              "noteKeywords": ["BREAKING"]
            }
            """);
        try
        {
            var settings = ReleaseSettingsFile.Read(path);

            Assert.Equal(VersionFileKind.Regex, settings.Overrides.VersionFiles![0].ResolveKind());
            Assert.Equal(VersionFileKind.PlainText, settings.Overrides.VersionFiles[1].Kind);
            Assert.Equal("make stamp", settings.Overrides.Hooks!.PrepareCmd);
            Assert.True(settings.Overrides.TagOnly);
            Assert.Equal(["dist/*.json"], settings.Overrides.Assets);
            Assert.Equal("RELEASE_TOKEN", settings.TokenVariable);
            Assert.Equal("release-${version}", settings.Computation.TagFormat);
            Assert.Equal(2, settings.Computation.Branches!.Count);
            Assert.Single(settings.Computation.ReleaseRules!);
            Assert.Equal(["BREAKING"], settings.Computation.NoteKeywords);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WrongTypeInTheSettingsFileIsACodedError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rsdk-settings-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "tagOnly": "yes" }""");
        try
        {
            var error = Assert.Throws<ReleaseException>(() => ReleaseSettingsFile.Read(path));
            Assert.Equal(DiagnosticCatalog.InvalidProperty, error.Descriptor);
            Assert.Contains("'tagOnly'", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void BranchesFromTheSettingsFileDecideWhetherTheRunReleases()
    {
        using var repos = new ReleaseRepos();
        repos.Settings("""  "branches": ["release"]""");

        var run = repos.Release().ShouldExit(0);

        Assert.Contains("'main' is not a release branch", run.StdOut);
        Assert.False(repos.OriginHas("v1.1.0"));
    }
}
