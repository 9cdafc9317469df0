using Release.Sdk.TestKit;
using Xunit.Abstractions;

namespace Release.Sdk.Tests.ReleaseRun;

/// <summary>`dotnet pack -p:ReleaseCreate=true` against the sample repository and a local bare origin, end to end.</summary>
[Collection(PackedSdkCollection.Name)]
public sealed class ReleaseRunTests(PackedSdk sdk, ITestOutputHelper output)
{
    [Fact]
    public void PackWithReleaseCreateReleasesAndTheSameRunAgainReleasesNothing()
    {
        using var sample = new ReleaseSample(sdk, output);

        var result = sample.Pack("-p:ReleaseCreate=true");

        Assert.True(result.ExitCode == 0, sample.Explain(result));
        Assert.Equal($"chore(release): {ReleaseSample.Version} [skip ci]", sample.OriginHeadSubject);
        Assert.Equal(sample.Repo.Head, sample.Origin.Git("rev-parse", $"{ReleaseSample.Tag}^{{commit}}"));
        var changelog = sample.ReadFile("CHANGELOG.md");
        Assert.StartsWith($"## [{ReleaseSample.Version}](https://github.com/acme/app/compare/{ReleaseSample.PreviousTag}...{ReleaseSample.Tag})", changelog);
        Assert.Contains("### 🚀 Features\n\n* add search", changelog);
        Assert.Contains("### 🐛 Bug Fixes\n\n* **api:** check for null", changelog);
        Assert.Equal("apiVersion: v2\n# The app's chart\nname: app\nversion: 1.1.0\nappVersion: \"1.1.0\"\n", sample.ReadFile("helm/app/Chart.yaml"));
        Assert.Equal("project = 'app'\nversion = '1.1.0'\nrelease = '1.1.0'\n", sample.ReadFile("docs/conf.py"));
        Assert.Equal("", sample.Repo.Git("status", "--porcelain"));
        foreach (var hook in new[] { "verified", "prepared", "published", "success" })
            Assert.Equal(ReleaseSample.Version, File.ReadAllText(sample.Marker($"{hook}.txt")).Trim());
        Assert.Equal(ReleaseSample.Version, File.ReadAllText(sample.Marker("msbuild-verify-release.txt")).Trim());
        Assert.Equal(ReleaseSample.Tag, File.ReadAllText(sample.Marker("msbuild-publish.txt")).Trim());
        Assert.False(File.Exists(sample.Marker("msbuild-fail.txt")));
        var nuspec = sample.Nuspec(ReleaseSample.Version);
        Assert.Contains($"<version>{ReleaseSample.Version}</version>", nuspec);
        Assert.Contains("<releaseNotes>## [1.1.0](https://github.com/acme/app/compare/v1.0.0...v1.1.0)", nuspec);
        Assert.Contains("* add search", nuspec);
        Assert.Equal(changelog.TrimEnd(), File.ReadAllText(Path.Combine(sample.Consumer.Path, "obj", "release-notes.md")).TrimEnd());

        var releaseCommit = sample.Repo.Head;
        var again = sample.Pack("-p:ReleaseCreate=true");

        Assert.True(again.ExitCode == 0, sample.Explain(again));
        Assert.Contains("No release", again.Output);
        Assert.Equal(releaseCommit, sample.Origin.Git("rev-parse", "main"));
        Assert.Equal($"{ReleaseSample.PreviousTag}\n{ReleaseSample.Tag}", sample.OriginTags);
        Assert.Single(sample.ReadFile("CHANGELOG.md").Split('\n'), l => l.StartsWith("## [", StringComparison.Ordinal));
    }

    [Fact]
    public void DryRunPrintsThePlanAndWritesNothingOutsideObj()
    {
        using var sample = new ReleaseSample(sdk, output);
        var head = sample.Repo.Head;

        var result = sample.Pack("-p:ReleaseDryRun=true");

        Assert.True(result.ExitCode == 0, sample.Explain(result));
        Assert.Contains("v1.1.0", result.Output);
        Assert.Contains("+version: 1.1.0", result.Output);
        Assert.Contains("chore(release): 1.1.0 [skip ci]", result.Output);
        Assert.Equal("", sample.Repo.Git("status", "--porcelain"));
        Assert.Equal(head, sample.Repo.Head);
        Assert.Equal(ReleaseSample.PreviousTag, sample.Repo.Git("tag", "--list"));
        Assert.Equal(ReleaseSample.PreviousTag, sample.OriginTags);
        // No exec hook runs in a dry run; the MSBuild verify-release step does (quality gates on pull requests).
        Assert.Equal(["msbuild-verify-release.txt"], Directory.GetFiles(sample.Marker("")).Select(Path.GetFileName));
        Assert.Contains("\"version\": \"1.1.0\"", File.ReadAllText(Path.Combine(sample.Consumer.Path, "obj", "release-plan.json")));
    }

    [Fact]
    public void FailingPrepareCommandStopsWithCodedErrorAndPushesNothingThenRerunReleases()
    {
        using var sample = new ReleaseSample(sdk, output);
        var head = sample.Repo.Head;

        var failed = sample.Pack("-p:ReleaseCreate=true", "-p:ReleasePrepareCmd=echo prepare broke && exit 3");

        Assert.True(failed.ExitCode != 0, sample.Explain(failed));
        Assert.Contains("error RSDK4103: prepareCmd exited with code 3", failed.Output);
        Assert.Contains("prepare broke", failed.Output);
        Assert.DoesNotContain("EXEC :", failed.Output);
        Assert.DoesNotContain("RSDK0002", failed.Output);
        Assert.Equal(head, sample.Repo.Head);
        Assert.Equal(head, sample.Origin.Git("rev-parse", "main"));
        Assert.Equal(ReleaseSample.PreviousTag, sample.OriginTags);
        Assert.Equal(ReleaseSample.PreviousTag, sample.Repo.Git("tag", "--list"));
        Assert.Equal("", sample.Repo.Git("status", "--porcelain"));
        Assert.True(File.Exists(sample.Marker("msbuild-fail.txt")), "ReleaseFailDependsOn targets run when a step fails");
        Assert.True(File.Exists(sample.Marker("fail-hook.txt")), "failCmd runs when a step fails");

        var rerun = sample.Pack("-p:ReleaseCreate=true");

        Assert.True(rerun.ExitCode == 0, sample.Explain(rerun));
        Assert.Equal($"chore(release): {ReleaseSample.Version} [skip ci]", sample.OriginHeadSubject);
        Assert.Equal($"{ReleaseSample.PreviousTag}\n{ReleaseSample.Tag}", sample.OriginTags);
    }

    [Fact]
    public void FailingQualityGateInVerifyReleaseStopsBeforeAnythingIsWritten()
    {
        using var sample = new ReleaseSample(sdk, output);
        var head = sample.Repo.Head;

        var result = sample.Pack("-p:ReleaseCreate=true", "-p:FailGate=true");

        Assert.True(result.ExitCode != 0, sample.Explain(result));
        Assert.Contains("GATE1", result.Output);
        Assert.Equal(head, sample.Repo.Head);
        Assert.Equal("", sample.Repo.Git("status", "--porcelain"));
        Assert.Equal(ReleaseSample.PreviousTag, sample.OriginTags);
        Assert.False(File.Exists(sample.Marker("prepared.txt")));
        Assert.True(File.Exists(sample.Marker("msbuild-fail.txt")), "ReleaseFailDependsOn targets run when a step fails");
    }

    [Fact]
    public void RemoteThatMovedGetsNoTagAndTheRunAfterPullingReleases()
    {
        using var sample = new ReleaseSample(sdk, output);
        using (var other = TempGitRepo.Clone(sample.Origin))
        {
            other.Commit("docs: someone else pushed", "NOTES.md");
            other.Git("push", "-q", "origin", "main");
        }

        var skipped = sample.Pack("-p:ReleaseCreate=true");

        Assert.True(skipped.ExitCode == 0, sample.Explain(skipped));
        Assert.Contains("warning RSDK4104", skipped.Output);
        Assert.Equal(ReleaseSample.PreviousTag, sample.OriginTags);
        Assert.Equal(ReleaseSample.PreviousTag, sample.Repo.Git("tag", "--list"));
        Assert.False(File.Exists(sample.Marker("msbuild-publish.txt")));

        sample.Repo.Git("pull", "-q", "--ff-only", "origin", "main");
        var rerun = sample.Pack("-p:ReleaseCreate=true");

        Assert.True(rerun.ExitCode == 0, sample.Explain(rerun));
        Assert.Equal($"chore(release): {ReleaseSample.Version} [skip ci]", sample.OriginHeadSubject);
        Assert.Equal($"{ReleaseSample.PreviousTag}\n{ReleaseSample.Tag}", sample.OriginTags);
    }
}
