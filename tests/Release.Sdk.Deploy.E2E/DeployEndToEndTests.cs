using System.Text.Json.Nodes;
using Release.Sdk.Deploy.Analysis;
using Release.Sdk.Deploy.Journal;
using Xunit.Abstractions;

namespace Release.Sdk.Deploy.E2E;

/// <summary>
/// samples/deploy-web deployed for real: v1.0.0 first (straight to 100 %), then a canary of v2.0.0 made faulty or slow
/// through its environment, under load from a non-retrying generator; the deploy process killed mid-canary and
/// steered from other "shells" (in-process CLI runs) through the journal.
/// </summary>
[Trait("Category", "E2E")]
[Collection(nameof(DeployEndToEndTests))]
public sealed class DeployEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task FaultyCanaryIsRolledBackWithinTwoAnalysisIntervalsNamingTheMetric()
    {
        using var deploy = new DeployFixture(output);
        Assert.Equal(0, deploy.Cli("deploy", "run", "--plan", deploy.WritePlan("1.0.0", "canary")).ExitCode);
        await using var load = new LoadGenerator(deploy.Address);

        var (exit, text) = deploy.Cli("deploy", "run", "--plan", deploy.WritePlan("2.0.0", "canary", new JsonObject { ["env.DEPLOY_WEB_ERROR_RATE"] = "0.2" }));

        Assert.Equal(1, exit);
        Assert.Contains("error RSDK7007", text, StringComparison.Ordinal);
        var journal = deploy.Files.Read();
        Assert.Equal(DeployStatus.RolledBack, journal.Status);
        var failed = journal.Verdicts.First(v => v.Outcome == VerdictOutcome.Fail);
        Assert.Contains(failed.Metric, (string[])["error-rate", "5xx-count"]);
        Assert.Contains(failed.Metric, journal.Outcome, StringComparison.Ordinal);
        // Judged within the first two analysis intervals (3 s each) of the 50 % step.
        var analysisStart = journal.Verdicts.Min(v => v.From);
        Assert.True(failed.To - analysisStart <= TimeSpan.FromSeconds(2 * 3 + 1), $"failed after {(failed.To - analysisStart).TotalSeconds:0.0} s");
        Assert.Equal(new Dictionary<string, int> { [journal.StableGroup] = 100 }, journal.Weights);

        await Task.Delay(1500);
        Assert.Equal(0, load.FailuresAfter(journal.FinishedAt!.Value));
        Assert.True(load.Responses.Count(r => r.At > journal.FinishedAt) > 10, "load kept flowing after the rollback");
        Assert.True(File.Exists(deploy.Files.TimelinePath));
        Assert.Contains("<svg", await File.ReadAllTextAsync(deploy.Files.TimelinePath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowCanaryIsCaughtByTheComparisonNotByAThreshold()
    {
        using var deploy = new DeployFixture(output);
        // Latencies well above this busy 2-core machine's scheduling noise; ×3 stays far below the 2 s threshold.
        var baseline = new JsonObject { ["env.DEPLOY_WEB_LATENCY_MS"] = "100" };
        Assert.Equal(0, deploy.Cli("deploy", "run", "--plan", deploy.WritePlan("1.0.0", "canary", baseline)).ExitCode);
        await using var load = new LoadGenerator(deploy.Address, clients: 4);

        var (exit, _) = deploy.Cli("deploy", "run", "--plan", deploy.WritePlan("2.0.0", "canary", new JsonObject { ["env.DEPLOY_WEB_LATENCY_MS"] = "300" }));

        Assert.Equal(1, exit);
        var journal = deploy.Files.Read();
        Assert.Equal(DeployStatus.RolledBack, journal.Status);
        var failed = Assert.Single(journal.Verdicts, v => v.Outcome == VerdictOutcome.Fail);
        Assert.Equal(("comparison", "p95-latency"), (failed.Kind, failed.Metric));
        Assert.Contains(journal.Verdicts, v => v is { Kind: "threshold", Metric: "response-time", Outcome: VerdictOutcome.Pass });
        Assert.Equal(0, load.FailuresAfter(DateTimeOffset.MinValue));
    }

    [Fact]
    public async Task DeployProcessKilledMidCanaryIsRetriedThenRolledBackFromAnotherShell()
    {
        using var deploy = new DeployFixture(output);
        Assert.Equal(0, deploy.Cli("deploy", "run", "--plan", deploy.WritePlan("1.0.0", "canary")).ExitCode);
        await using var load = new LoadGenerator(deploy.Address);
        var plan = deploy.WritePlan("2.0.0", "canary", new JsonObject { ["canary.firstAnalysis"] = "2m" });

        {
            var first = deploy.StartCli("deploy", "run", "--plan", plan);
            deploy.WaitForJournal(j => j.Plan.Version == "2.0.0" && j.Weights.GetValueOrDefault(j.NewGroup) == 50, TimeSpan.FromSeconds(60));
            first.Kill(); // SIGKILL: no cleanup of any kind
            await first.WaitForExitAsync();
        }
        var (_, status) = deploy.Cli("deploy", "status");
        Assert.Contains("INTERRUPTED", status, StringComparison.Ordinal);
        Assert.Equal(1, deploy.Cli("deploy", "run", "--plan", plan).ExitCode); // refused: RSDK7004, retry or roll back first

        {
            var second = deploy.StartCli("deploy", "retry");
            var resumed = deploy.WaitForJournal(j => j.OwnerPid == second.Id && j.Heartbeat > DateTimeOffset.UtcNow.AddSeconds(-1), TimeSpan.FromSeconds(60));
            Assert.Equal(50, resumed.Weights[resumed.NewGroup]);
            second.Kill();
            await second.WaitForExitAsync();
        }

        var (exit, text) = deploy.Cli("deploy", "rollback", "--reason", "killed twice");
        Assert.Equal(0, exit);
        var journal = deploy.Files.Read();
        Assert.Equal(DeployStatus.RolledBack, journal.Status);
        Assert.Contains("killed twice", journal.Outcome, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, int> { [journal.StableGroup] = 100 }, journal.Weights);
        Assert.All(journal.Instances, i => Assert.Equal("1.0.0", i.Version));
        var rolledBackAt = journal.FinishedAt!.Value;
        await Task.Delay(1000);
        Assert.Equal(0, load.FailuresAfter(rolledBackAt));
        Assert.Contains("traffic: 100% to 1.0.0", text, StringComparison.Ordinal);
    }
}
