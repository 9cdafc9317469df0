using Release.Sdk.Deploy.Analysis;
using Release.Sdk.Deploy.Journal;
using Release.Sdk.Deploy.Ports;
using Release.Sdk.Deploy.Tests.Fakes;

namespace Release.Sdk.Deploy.Tests.Strategy;

public sealed class CanaryRunTests
{
    [Fact]
    public async Task HealthyCanaryWalksEveryWeightThenRetiresTheStableVersion()
    {
        using var scenario = new Scenario();
        var journal = await scenario.DriveAsync(scenario.Runner().RunAsync(scenario.Start(Scenario.Plan()), CancellationToken.None));

        Assert.Equal(DeployStatus.Completed, journal.Status);
        var weights = scenario.Infrastructure.Log.Where(l => l.StartsWith("weights", StringComparison.Ordinal)).ToList();
        Assert.Equal(["weights blue=10 green=90", "weights blue=25 green=75", "weights blue=50 green=50", "weights blue=75 green=25", "weights blue=100 green=0", "weights blue=100"], weights);
        // the stable version keeps running until the very end
        var stopGreen = scenario.Infrastructure.Log.IndexOf("stop green-1");
        Assert.True(stopGreen > scenario.Infrastructure.Log.IndexOf("weights blue=100 green=0"), scenario.Explain());
        Assert.Equal(["blue"], scenario.Infrastructure.Running.Select(i => i.Group).Distinct());
        Assert.All(journal.Verdicts, v => Assert.NotEqual(VerdictOutcome.Fail, v.Outcome));
        Assert.Contains(journal.Verdicts, v => v.Kind == "comparison" && v.Metric == "p95-latency");
        Assert.Equal([DeployEventKind.Started, DeployEventKind.Completed], scenario.Notified.Select(e => e.Kind));
    }

    [Fact]
    public async Task SeedDurationsAreTheClockTimeOfAHealthyCanary()
    {
        using var scenario = new Scenario();
        var plan = Scenario.Plan() with { Canary = new(), Analysis = new() { SamplePeriod = TimeSpan.FromSeconds(10) } };
        var start = scenario.Time.GetUtcNow();
        var journal = await scenario.DriveAsync(scenario.Runner().RunAsync(scenario.Start(plan), CancellationToken.None), maxSeconds: 4 * 3600);

        Assert.Equal(DeployStatus.Completed, journal.Status);
        // 5 min at 10 %, then 3 min each at 25/50/75/100 % = 17 min of analysis.
        Assert.Equal(TimeSpan.FromMinutes(17), journal.FinishedAt!.Value - start);
    }

    [Fact]
    public async Task FaultyCanaryIsRolledBackWithTrafficMovedBeforeItsInstancesStop()
    {
        using var scenario = new Scenario();
        scenario.Metrics = FakeMetrics.Behaving(errorRate: g => g == "blue" ? 0.20 : 0.005, latency: _ => 0.020);
        var journal = await scenario.DriveAsync(scenario.Runner().RunAsync(scenario.Start(Scenario.Plan()), CancellationToken.None));

        Assert.Equal(DeployStatus.RolledBack, journal.Status);
        var failed = Assert.Single(journal.Verdicts, v => v.Outcome == VerdictOutcome.Fail);
        Assert.Equal("error-rate", failed.Metric);
        Assert.DoesNotContain("weights blue=25 green=75", scenario.Infrastructure.Log); // caught at 10 %
        var log = scenario.Infrastructure.Log;
        Assert.True(log.IndexOf("weights green=100") < log.IndexOf("stop blue-2"), scenario.Explain());
        Assert.Equal(["green-1"], scenario.Infrastructure.Running.Select(i => i.Name));
        var rolledBack = Assert.Single(scenario.Notified, e => e.Kind == DeployEventKind.RolledBack);
        Assert.Equal("error-rate", rolledBack.Metric);
        Assert.Contains("analyze", rolledBack.Step, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowCanaryIsCaughtByTheComparisonNotByTheThreshold()
    {
        using var scenario = new Scenario();
        scenario.Metrics = FakeMetrics.Behaving(errorRate: _ => 0.005, latency: g => g == "blue" ? 0.060 : 0.020);
        var journal = await scenario.DriveAsync(scenario.Runner().RunAsync(scenario.Start(Scenario.Plan()), CancellationToken.None));

        Assert.Equal(DeployStatus.RolledBack, journal.Status);
        var failed = Assert.Single(journal.Verdicts, v => v.Outcome == VerdictOutcome.Fail);
        Assert.Equal(("comparison", "p95-latency"), (failed.Kind, failed.Metric));
        Assert.Contains(journal.Verdicts, v => v.Kind == "threshold" && v.Metric == "response-time" && v.Outcome == VerdictOutcome.Pass);
    }

    [Fact]
    public async Task ThresholdTripsOnlyAfterItsNumberOfBreachedPeriods()
    {
        using var scenario = new Scenario();
        // 5xx count = 0.2 × 100 requests = 20 > 10 every interval, the same on both groups so the comparison passes.
        scenario.Metrics = FakeMetrics.Behaving(errorRate: _ => 0.20, latency: _ => 0.020);
        var journal = await scenario.DriveAsync(scenario.Runner().RunAsync(scenario.Start(Scenario.Plan()), CancellationToken.None));

        Assert.Equal(DeployStatus.RolledBack, journal.Status);
        var breaches = journal.Verdicts.Where(v => v.Metric == "5xx-count").ToList();
        Assert.Equal([VerdictOutcome.Pass, VerdictOutcome.Fail], breaches.Select(v => v.Outcome));
        Assert.Contains("breach 1 of 2", breaches[0].Detail, StringComparison.Ordinal);
        Assert.Equal(10, breaches[1].Threshold);
    }

    [Fact]
    public async Task TooFewRequestsPauseUnderTheDefaultNoDataPolicy()
    {
        using var scenario = new Scenario();
        scenario.Metrics = FakeMetrics.Behaving(_ => 0.005, _ => 0.020, requests: 3);
        var run = scenario.Runner().RunAsync(scenario.Start(Scenario.Plan()), CancellationToken.None);
        await scenario.AdvanceUntilAsync(j => j.Status == DeployStatus.Paused);

        var journal = scenario.Files.Read();
        Assert.StartsWith("no data", journal.PauseReason, StringComparison.Ordinal);
        Assert.Equal(VerdictOutcome.NoData, journal.Verdicts[^1].Outcome);
        Assert.Equal(10, scenario.Infrastructure.Weights["blue"]); // paused, not rolled back

        ControlRequests.Post(scenario.Files, new ControlRequest(Promote: false, Abort: "operator", scenario.Time.GetUtcNow()));
        journal = await scenario.DriveAsync(run);
        Assert.Equal(DeployStatus.RolledBack, journal.Status);
    }

    [Fact]
    public async Task InconclusiveComparisonPausesAndPromoteGoesOn()
    {
        using var scenario = new Scenario();
        // The canary's latency is NaN in most windows: fewer than the minimum samples remain.
        var calls = 0;
        scenario.Metrics = new FakeMetrics((name, group) => name == "p95-latency" && group == "blue" && calls++ % 4 != 0
            ? new MetricResult([double.NaN], 100, "fake")
            : new MetricResult([name == "p95-latency" ? 0.020 : 0.005], 100, "fake"));
        var run = scenario.Runner().RunAsync(scenario.Start(Scenario.Plan()), CancellationToken.None);
        await scenario.AdvanceUntilAsync(j => j.Status == DeployStatus.Paused);

        var journal = scenario.Files.Read();
        Assert.Contains("inconclusive", journal.PauseReason, StringComparison.Ordinal);
        Assert.Contains(journal.Verdicts, v => v.Outcome == VerdictOutcome.Inconclusive && v.Metric == "p95-latency");

        ControlRequests.Post(scenario.Files, new ControlRequest(Promote: true, Abort: null, scenario.Time.GetUtcNow()));
        await scenario.AdvanceUntilAsync(j => j.Weights.GetValueOrDefault("blue") == 25);
        Assert.Contains(scenario.Notified, e => e.Kind == DeployEventKind.Promoted);
        ControlRequests.Post(scenario.Files, new ControlRequest(Promote: false, Abort: "enough", scenario.Time.GetUtcNow()));
        Assert.Equal(DeployStatus.RolledBack, (await scenario.DriveAsync(run)).Status);
    }

    [Fact]
    public async Task AbortDuringAnalysisSendsTrafficBackFirst()
    {
        using var scenario = new Scenario();
        var run = scenario.Runner().RunAsync(scenario.Start(Scenario.Plan()), CancellationToken.None);
        await scenario.AdvanceUntilAsync(j => j.Weights.GetValueOrDefault("blue") == 50);
        ControlRequests.Post(scenario.Files, new ControlRequest(false, "looks wrong", scenario.Time.GetUtcNow()));

        var journal = await scenario.DriveAsync(run);
        Assert.Equal(DeployStatus.RolledBack, journal.Status);
        Assert.Contains("looks wrong", journal.Outcome, StringComparison.Ordinal);
        var log = scenario.Infrastructure.Log;
        var back = log.IndexOf("weights green=100");
        Assert.True(back >= 0 && back < log.IndexOf("drain blue-2") && back < log.IndexOf("stop blue-2"), scenario.Explain());
    }

    [Fact]
    public async Task RollbackOfAFinishedDeployIsANoOp()
    {
        using var scenario = new Scenario();
        var runner = scenario.Runner();
        var journal = await scenario.DriveAsync(runner.RunAsync(scenario.Start(Scenario.Plan()), CancellationToken.None));
        var effects = scenario.Infrastructure.Log.Count;

        var again = await runner.RollbackAsync(journal, "too late", null, CancellationToken.None);

        Assert.Equal(DeployStatus.Completed, again.Status);
        Assert.Equal(effects, scenario.Infrastructure.Log.Count);
        Assert.Contains(scenario.Output, l => l.StartsWith("nothing to roll back", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ManualPauseWaitsForPromote()
    {
        using var scenario = new Scenario();
        var plan = Scenario.Plan() with { Canary = Scenario.Plan().Canary with { PauseAfter = [50] } };
        var run = scenario.Runner().RunAsync(scenario.Start(plan), CancellationToken.None);
        await scenario.AdvanceUntilAsync(j => j.Status == DeployStatus.Paused);
        scenario.Advance(TimeSpan.FromHours(2));
        await Task.Yield();
        Assert.Equal(DeployStatus.Paused, scenario.Files.Read().Status);
        Assert.Equal(50, scenario.Infrastructure.Weights["blue"]);

        ControlRequests.Post(scenario.Files, new ControlRequest(true, null, scenario.Time.GetUtcNow()));
        Assert.Equal(DeployStatus.Completed, (await scenario.DriveAsync(run)).Status);
    }
}
