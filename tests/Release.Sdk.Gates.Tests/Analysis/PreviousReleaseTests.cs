using Release.Sdk.Gates.Baselines;
using Release.Sdk.Gates.Framework;
using Release.Sdk.TestKit;

namespace Release.Sdk.Gates.Tests.Analysis;

public sealed class PreviousReleaseTests
{
    [Theory]
    [InlineData("v1.2.0", "1.2.0")]
    [InlineData("mylib-v2.0.1", "2.0.1")]
    [InlineData("1.3.0-beta.2", "1.3.0-beta.2")]
    [InlineData("release-candidate", null)]
    public void A_tag_gives_its_version(string tag, string? version) =>
        Assert.Equal(version, PreviousRelease.FromTag(tag)?.Version);

    [Fact]
    public async Task In_a_release_run_it_is_the_runs_previous_release_and_none_for_the_first()
    {
        using var dir = new TempDirectory();

        var previous = await PreviousRelease.FindAsync(Context(dir.Path, new GateRelease("1.3.0", "1.2.0", "v1.2.0", "minor")), default);
        var first = await PreviousRelease.FindAsync(Context(dir.Path, new GateRelease("1.0.0", null, null, "minor")), default);

        Assert.Equal(new PreviousRelease("v1.2.0", "1.2.0", FromReleaseRun: true), previous);
        Assert.Null(first);
    }

    [Fact]
    public async Task Standalone_it_is_the_latest_tag_reachable_from_head()
    {
        using var repo = new TempGitRepo();
        repo.Commit("feat: one");
        repo.Tag("v1.0.0");
        repo.Commit("feat: two");
        repo.Tag("v1.1.0");
        repo.Commit("fix: three");

        var previous = await PreviousRelease.FindAsync(Context(repo.Path, release: null), default);

        Assert.Equal(new PreviousRelease("v1.1.0", "1.1.0", FromReleaseRun: false), previous);
    }

    private static GateContext Context(string root, GateRelease? release) =>
        AnalysisContexts.Create(root, root, new Dictionary<string, string>(), release);
}
