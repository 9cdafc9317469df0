using Xunit.Abstractions;

namespace Release.Sdk.Tests.ReleaseRun;

/// <summary>
/// The API compatibility gate in a real release run through the packed SDK: a public method removed in a `feat` commit
/// (the commits justify 1.1.0) is blocked before tagging as "breaking API change without a breaking-change commit";
/// once a `feat!` commit with a BREAKING CHANGE footer announces it, the release goes ahead as 2.0.0.
/// </summary>
[Collection(PackedSdkCollection.Name)]
[Trait("Category", "E2E")]
public sealed class ApiCompatGateReleaseTests(PackedSdk sdk, ITestOutputHelper output)
{
    private const string CalculatorWithSubtract = """
        namespace App;

        public static class Calculator
        {
            public static int Add(int a, int b) => a + b;

            public static int Subtract(int a, int b) => a - b;
        }
        """;

    // The previous release's package comes from a folder feed (the release published it; here it is packed below).
    private const string ApiCompatGate = """
        <Project>
          <PropertyGroup>
            <ReleaseGateApiCompat>true</ReleaseGateApiCompat>
            <ReleaseApiCompatBaselineFeed>nupkgs/previous-release</ReleaseApiCompatBaselineFeed>
          </PropertyGroup>
        </Project>
        """;

    [Fact]
    public void A_public_method_removed_in_a_feat_release_is_blocked_until_a_breaking_change_commit_announces_it()
    {
        using var sample = new ReleaseSample(sdk, output);
        sample.Consumer.WriteFile("Class1.cs", CalculatorWithSubtract);
        var previous = sample.Consumer.Dotnet(["pack", "App.csproj", "-c", "Release", "-o", "nupkgs/previous-release", "-p:ReleaseSkip=true",
            "-p:Version=1.0.0", "-nodeReuse:false", "-p:UseSharedCompilation=false"]);
        Assert.True(previous.ExitCode == 0, sample.Explain(previous));

        sample.Consumer.WriteFile("Class1.cs", CalculatorWithSubtract.Replace("\n\n    public static int Subtract(int a, int b) => a - b;", "", StringComparison.Ordinal));
        sample.Consumer.WriteFile("Directory.Build.targets", ApiCompatGate);
        sample.Repo.Git("add", "-A");
        sample.Repo.Commit("feat: simplify the calculator");
        sample.Repo.Git("push", "-q", "origin", "main");
        var head = sample.Repo.Head;

        var blocked = sample.Pack("-p:ReleaseCreate=true");

        Assert.True(blocked.ExitCode != 0, sample.Explain(blocked));
        Assert.Contains("gate apicompat: fail — breaking API change without a breaking-change commit", blocked.Output);
        Assert.Contains("justify a minor release (1.1.0)", blocked.Output);
        Assert.Contains("error RSDK5001: The release is blocked: quality gate 'apicompat'", blocked.Output);
        Assert.Equal(head, sample.Repo.Head);
        Assert.Equal(ReleaseSample.PreviousTag, sample.OriginTags);

        sample.Repo.Commit("feat!: drop Calculator.Subtract\n\nBREAKING CHANGE: Calculator.Subtract is gone; add the negated value instead.\n");
        sample.Repo.Git("push", "-q", "origin", "main");

        var released = sample.Pack("-p:ReleaseCreate=true");

        Assert.True(released.ExitCode == 0, sample.Explain(released));
        Assert.Contains("gate apicompat: pass", released.Output);
        Assert.Equal($"{ReleaseSample.PreviousTag}\nv2.0.0", sample.OriginTags);
    }
}
