using Release.Sdk.Deploy.Journal;
using Release.Sdk.Deploy.Tests.Fakes;

namespace Release.Sdk.Deploy.Tests.Strategy;

/// <summary>Post-release monitoring with the seed's rollback-monitor rules, after a completed canary.</summary>
public sealed class MonitorTests
{
    [Fact]
    public async Task BreachedRuleRestartsThePreviousVersionAndRetiresTheNewOne()
    {
        using var scenario = new Scenario();
        var runner = scenario.Runner();
        var journal = await scenario.DriveAsync(runner.RunAsync(scenario.Start(Scenario.Plan()), CancellationToken.None));
        Assert.Equal(["blue-2"], scenario.Infrastructure.Running.Select(i => i.Name));
        scenario.Metrics = FakeMetrics.Behaving(errorRate: _ => 0.3, latency: _ => 0.020); // 30 errors per interval > 10
        runner = scenario.Runner();

        var tripped = await scenario.DriveAsync(runner.MonitorAsync(journal, TimeSpan.FromMinutes(10), CancellationToken.None));

        Assert.NotNull(tripped);
        Assert.Equal(("monitor", "5xx-count"), (tripped.Kind, tripped.Metric));
        Assert.Equal(DeployStatus.RolledBack, journal.Status);
        Assert.Equal(["1.0.0"], scenario.Infrastructure.Running.Select(i => i.Version));
        var log = scenario.Infrastructure.Log;
        Assert.True(log.LastIndexOf("weights green=100") < log.IndexOf("stop blue-2"), scenario.Explain());
        // two breached 1-minute periods: tripped at the second interval
        Assert.Equal(2, journal.Verdicts.Count(v => v.Kind == "monitor" && v.Metric == "5xx-count"));
    }

    [Fact]
    public async Task WithoutAPreviousVersionItAlerts()
    {
        using var scenario = new Scenario(stableInstances: 0);
        var runner = scenario.Runner();
        var journal = await scenario.DriveAsync(runner.RunAsync(scenario.Start(Scenario.Plan()), CancellationToken.None));
        scenario.Metrics = FakeMetrics.Behaving(errorRate: _ => 0.005, latency: _ => 3.0); // p95 3 s > 2 s

        var tripped = await scenario.DriveAsync(scenario.Runner().MonitorAsync(journal, TimeSpan.FromMinutes(10), CancellationToken.None));

        Assert.Equal("response-time", tripped!.Metric);
        Assert.Equal(DeployStatus.Completed, journal.Status);
        var alert = Assert.Single(scenario.Notified, e => e.Kind == DeployEventKind.Alert);
        Assert.True(alert.Value > 2.5, $"value {alert.Value}");
        Assert.Equal(2.0, alert.Threshold);
    }

    [Fact]
    public async Task HealthyVersionPassesTheWholeWindow()
    {
        using var scenario = new Scenario();
        var journal = await scenario.DriveAsync(scenario.Runner().RunAsync(scenario.Start(Scenario.Plan()), CancellationToken.None));
        Assert.Null(await scenario.DriveAsync(scenario.Runner().MonitorAsync(journal, TimeSpan.FromMinutes(5), CancellationToken.None)));
        Assert.Equal(DeployStatus.Completed, journal.Status);
    }
}
