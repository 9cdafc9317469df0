using Release.Sdk.Deploy.Journal;
using Release.Sdk.Deploy.Plan;
using Release.Sdk.Deploy.Tests.Fakes;

namespace Release.Sdk.Deploy.Tests.Strategy;

public sealed class BlueGreenAndRollingRunTests
{
    [Fact]
    public async Task BlueGreenSmokeTestsBeforeTheSwitchThenCleansUpTheOldColour()
    {
        using var scenario = new Scenario();
        var plan = Scenario.Plan(DeployStrategyKind.BlueGreen, instances: 2) with
        {
            Hooks = new HookSettings { SmokeTests = [new SmokeTest("/health", null)], MigrationCommand = "migrate" },
        };
        var journal = await scenario.DriveAsync(scenario.Runner().RunAsync(scenario.Start(plan), CancellationToken.None));

        Assert.Equal(DeployStatus.Completed, journal.Status);
        var log = scenario.Infrastructure.Log;
        var migration = log.IndexOf("command migrate");
        var smoke = log.FindIndex(l => l.StartsWith("smoke blue-3", StringComparison.Ordinal));
        var flip = log.IndexOf("weights blue=100 green=0");
        Assert.True(log.IndexOf("add blue-3") < migration && migration < smoke && smoke < flip && flip < log.IndexOf("stop green-1"), scenario.Explain());
        Assert.DoesNotContain(log, l => l.StartsWith("weights blue=", StringComparison.Ordinal) && l != "weights blue=100 green=0" && l != "weights blue=100");
    }

    [Fact]
    public async Task FailedSmokeTestRollsBackBeforeAnyTraffic()
    {
        using var scenario = new Scenario();
        scenario.Hooks = new FakeHooks(scenario.Infrastructure.Log) { FailSmoke = true };
        var plan = Scenario.Plan(DeployStrategyKind.BlueGreen) with { Hooks = new HookSettings { SmokeTests = [new SmokeTest("/health", null)] } };
        var journal = await scenario.DriveAsync(scenario.Runner().RunAsync(scenario.Start(plan), CancellationToken.None));

        Assert.Equal(DeployStatus.RolledBack, journal.Status);
        Assert.Contains("smoke test", journal.Outcome, StringComparison.Ordinal);
        Assert.DoesNotContain(scenario.Infrastructure.Log, l => l.Contains("blue=", StringComparison.Ordinal) && !l.Contains("blue=0", StringComparison.Ordinal));
        Assert.Equal(["green-1"], scenario.Infrastructure.Running.Select(i => i.Name));
    }

    [Fact]
    public async Task RollingReplacesThreeInstancesOneBatchAtATimeWithoutSurge()
    {
        using var scenario = new Scenario(stableInstances: 3);
        var plan = Scenario.Plan(DeployStrategyKind.Rolling, instances: 3) with { Rolling = new RollingSettings { MaxPercent = 100, MinHealthyPercent = 67 } };
        var journal = await scenario.DriveAsync(scenario.Runner().RunAsync(scenario.Start(plan), CancellationToken.None));

        Assert.Equal(DeployStatus.Completed, journal.Status);
        Assert.Equal(["replace batch 1 (1 instance(s))", "replace batch 2 (1 instance(s))", "replace batch 3 (1 instance(s))"], journal.Steps.Where(s => s.StartsWith("replace", StringComparison.Ordinal)));
        var weights = scenario.Infrastructure.Log.Where(l => l.StartsWith("weights", StringComparison.Ordinal)).ToList();
        Assert.Equal(["weights blue=33 green=67", "weights blue=67 green=33", "weights blue=100 green=0", "weights blue=100"], weights);
        Assert.Equal(3, scenario.Infrastructure.Running.Count(i => i.Version == "2.0.0"));
        Assert.DoesNotContain(scenario.Infrastructure.Running, i => i.Version == "1.0.0");
    }

    [Fact]
    public async Task RollingCircuitBreakerRestoresTheOldVersion()
    {
        using var scenario = new Scenario(stableInstances: 2);
        scenario.Infrastructure.Unhealthy.Add("2.0.0");
        var plan = Scenario.Plan(DeployStrategyKind.Rolling, instances: 2);
        var journal = await scenario.DriveAsync(scenario.Runner().RunAsync(scenario.Start(plan), CancellationToken.None));

        Assert.Equal(DeployStatus.RolledBack, journal.Status);
        Assert.Contains("circuit breaker: 3 instance(s)", journal.Outcome, StringComparison.Ordinal);
        Assert.Equal(2, scenario.Infrastructure.Running.Count(i => i.Version == "1.0.0"));
        Assert.DoesNotContain(scenario.Infrastructure.Running, i => i.Version == "2.0.0");
    }

    [Fact]
    public async Task FirstDeployGoesStraightToFullTraffic()
    {
        using var scenario = new Scenario(stableInstances: 0);
        var journal = await scenario.DriveAsync(scenario.Runner().RunAsync(scenario.Start(Scenario.Plan()), CancellationToken.None));

        Assert.Equal(DeployStatus.Completed, journal.Status);
        Assert.Null(journal.StableVersion);
        Assert.Equal(["weights blue=100"], scenario.Infrastructure.Log.Where(l => l.StartsWith("weights", StringComparison.Ordinal)));
    }
}
