using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Release.Sdk.Tests.ReleaseRun;

/// <summary>
/// Quality gates through the packed SDK: ReleaseGate items in a project, run standalone by
/// <c>dotnet build -t:ReleaseCheckGates</c> and by the release run's verify-release step (the gates plugin in dotnet-release).
/// </summary>
[Collection(PackedSdkCollection.Name)]
[Trait("Category", "E2E")]
public sealed class QualityGateTests(PackedSdk sdk, ITestOutputHelper output)
{
    /// <summary>A custom command gate whose exit code the test picks with -p:SmokeExit=N, and a second gate that always passes.</summary>
    private const string Gates = """
        <Project>
          <PropertyGroup>
            <SmokeExit Condition="'$(SmokeExit)' == ''">1</SmokeExit>
            <ReleaseGatesInNotes>true</ReleaseGatesInNotes>
          </PropertyGroup>
          <ItemGroup>
            <ReleaseGate Include="smoke" Command="echo smoke test ran; exit $(SmokeExit)" Remedy="Fix the smoke test." />
            <ReleaseGate Include="lint" Command="echo 'warnings: 0'" FigurePattern="warnings: (\d+)" FigureName="lint warnings" Threshold="0" ThresholdIs="max" />
          </ItemGroup>
        </Project>
        """;

    [Fact]
    public void ReleaseCheckGatesPrintsALinePerGateWritesTheReportAndFailsWithTheCodedError()
    {
        if (OperatingSystem.IsWindows()) return; // the gate commands are POSIX shell
        using var consumer = new Consumer(sdk, output);
        consumer.WriteProject(Scenarios.SdkElement(sdk.Version));
        consumer.WriteFile("Directory.Build.targets", Gates);
        consumer.Repo.Git("add", "-A");
        consumer.Repo.Commit("feat: initial");

        var failing = consumer.Build("-t:ReleaseCheckGates");

        Assert.True(failing.ExitCode != 0, consumer.Explain(failing));
        Assert.Contains("gate smoke: fail — `echo smoke test ran; exit 1` exited with 1", failing.Output);
        Assert.Contains("gate lint: pass — exit code 0, lint warnings 0 (threshold 0)", failing.Output);
        Assert.Contains("error RSDK5001: The release is blocked: quality gate 'smoke'", failing.Output);
        Assert.Contains("What to do: smoke: Fix the smoke test.", failing.Output);
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(consumer.Path, "obj", "release-gates.json")))!;
        Assert.Equal(("fail", true), ((string?)report["outcome"], (bool)report["blocked"]!));
        Assert.Equal(["smoke", "lint"], report["gates"]!.AsArray().Select(g => (string?)g!["name"]));

        var reportOnly = consumer.Build("-t:ReleaseCheckGates", "-p:ReleaseGatesMode=report");

        Assert.True(reportOnly.ExitCode == 0, consumer.Explain(reportOnly));
        Assert.Contains("warning RSDK5006", reportOnly.Output);
    }

    [Fact]
    public void AFailingGateBlocksTheReleaseBeforeTaggingAndTheReleaseGoesAheadOnceItPasses()
    {
        if (OperatingSystem.IsWindows()) return;
        using var sample = new ReleaseSample(sdk, output);
        sample.Consumer.WriteFile("Directory.Build.targets", Gates);
        sample.Repo.Git("add", "-A");
        sample.Repo.Git("commit", "-q", "-m", "build: add quality gates");
        sample.Repo.Git("push", "-q", "origin", "main");
        var head = sample.Repo.Head;

        var blocked = sample.Pack("-p:ReleaseCreate=true");

        Assert.True(blocked.ExitCode != 0, sample.Explain(blocked));
        Assert.Contains("gate smoke: fail", blocked.Output);
        Assert.Contains("error RSDK5001: The release is blocked: quality gate 'smoke'", blocked.Output);
        Assert.Equal(head, sample.Repo.Head);
        Assert.Equal(ReleaseSample.PreviousTag, sample.OriginTags);
        Assert.Equal("", sample.Repo.Git("tag", "--list", ReleaseSample.Tag));
        Assert.False(File.Exists(sample.Marker("prepared.txt")), "prepareCmd ran although a gate failed");

        var released = sample.Pack("-p:ReleaseCreate=true", "-p:SmokeExit=0");

        Assert.True(released.ExitCode == 0, sample.Explain(released));
        Assert.Contains("gate smoke: pass", released.Output);
        Assert.Equal($"{ReleaseSample.PreviousTag}\n{ReleaseSample.Tag}", sample.OriginTags);
        var changelog = sample.ReadFile("CHANGELOG.md");
        Assert.Contains("### Quality gates", changelog);
        Assert.Contains("| smoke | ✅ pass |", changelog);
    }
}
