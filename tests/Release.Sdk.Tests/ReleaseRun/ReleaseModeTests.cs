using Xunit.Abstractions;

namespace Release.Sdk.Tests.ReleaseRun;

/// <summary>Tag-only mode (protected branches) and a release tagged locally but not pushed, completed by the next run.</summary>
[Collection(PackedSdkCollection.Name)]
public sealed class ReleaseModeTests(PackedSdk sdk, ITestOutputHelper output)
{
    [Fact]
    public void TagOnlyPushesOnlyTheTagOnTheBuiltCommit()
    {
        using var sample = new ReleaseSample(sdk, output);
        var head = sample.Repo.Head;

        var result = sample.Pack("-p:ReleaseCreate=true", "-p:ReleaseTagOnly=true");

        Assert.True(result.ExitCode == 0, sample.Explain(result));
        Assert.Equal(head, sample.Origin.Git("rev-parse", "main"));
        Assert.Equal(head, sample.Origin.Git("rev-parse", $"{ReleaseSample.Tag}^{{commit}}"));
        Assert.Contains("version: 1.1.0", sample.ReadFile("helm/app/Chart.yaml"));
    }

    [Fact]
    public void ReleaseRuleItemsDecideTheReleasedVersionAsTheyDoTheBuilds()
    {
        using var sample = new ReleaseSample(sdk, output);

        var result = sample.Pack("-p:ReleaseCreate=true", "-p:ApiIsMajor=true");

        Assert.True(result.ExitCode == 0, sample.Explain(result));
        Assert.True(File.Exists(Path.Combine(sample.Consumer.Path, "nupkgs", "App.2.0.0.nupkg")), sample.Explain(result));
        Assert.Equal($"{ReleaseSample.PreviousTag}\nv2.0.0", sample.OriginTags);
        Assert.Equal("chore(release): 2.0.0 [skip ci]", sample.OriginHeadSubject);
    }

    [Fact]
    public void ReleaseTargetReleasesWithoutPacking()
    {
        using var sample = new ReleaseSample(sdk, output);

        var result = sample.Consumer.Dotnet(["msbuild", "App.csproj", "-restore", "-t:Release", "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false"]);

        Assert.True(result.ExitCode == 0, sample.Explain(result));
        Assert.Equal($"{ReleaseSample.PreviousTag}\n{ReleaseSample.Tag}", sample.OriginTags);
        Assert.Equal($"chore(release): {ReleaseSample.Version} [skip ci]", sample.OriginHeadSubject);
        Assert.False(Directory.Exists(Path.Combine(sample.Consumer.Path, "nupkgs")));
    }

    [Fact]
    public void ReleaseTaggedButNotPushedIsPushedByTheNextRun()
    {
        using var sample = new ReleaseSample(sdk, output);

        var local = sample.Pack("-p:ReleaseCreate=true", "-p:ReleasePush=false");

        Assert.True(local.ExitCode == 0, sample.Explain(local));
        Assert.Equal(ReleaseSample.PreviousTag, sample.OriginTags);
        Assert.Equal(sample.Repo.Head, sample.Repo.Git("rev-parse", $"{ReleaseSample.Tag}^{{commit}}"));

        var rerun = sample.Pack("-p:ReleaseCreate=true");

        Assert.True(rerun.ExitCode == 0, sample.Explain(rerun));
        Assert.Equal($"{ReleaseSample.PreviousTag}\n{ReleaseSample.Tag}", sample.OriginTags);
        Assert.Equal($"chore(release): {ReleaseSample.Version} [skip ci]", sample.OriginHeadSubject);
        Assert.Single(sample.ReadFile("CHANGELOG.md").Split('\n'), l => l.StartsWith("## [", StringComparison.Ordinal));
    }
}
