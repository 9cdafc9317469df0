using Release.Sdk.Deploy.Plan;
using Release.Sdk.Deploy.Strategy;
using Release.Sdk.Deploy.Tests.Fakes;

namespace Release.Sdk.Deploy.Tests.Strategy;

public sealed class StrategyBuilderTests
{
    [Fact]
    public void SeedCanaryIsTenPercentForFiveMinutesThenThreeMinutesPerStep()
    {
        var plan = Scenario.Plan() with { Canary = new CanarySettings() };
        var labels = StrategyBuilder.Build(plan, stableInstances: 1).Select(s => s.Label);
        Assert.Equal([
            "notify started", "start 1 new instance(s)",
            "set weight 10%", "analyze 5m", "set weight 25%", "analyze 3m", "set weight 50%", "analyze 3m",
            "set weight 75%", "analyze 3m", "set weight 100%", "analyze 3m (thresholds)",
            "scale down previous version", "notify completed"], labels);
    }

    [Fact]
    public void BlueGreenWaitsForConfirmationBeforeTheSwitch()
    {
        var plan = Scenario.Plan(DeployStrategyKind.BlueGreen) with { Hooks = new HookSettings { Confirmation = "check the dashboards", SmokeTests = [new SmokeTest("/health", null)] } };
        var labels = StrategyBuilder.Build(plan, 1).Select(s => s.Label).ToList();
        Assert.Equal([
            "notify started", "start 1 new instance(s)", "smoke tests (1)", "wait for promote (check the dashboards)",
            "switch traffic", "analyze 1m (thresholds)", "scale down previous version", "notify completed"], labels);
    }

    [Theory]
    [InlineData(4, 200, 50, 4)] // seed: surge room for all of them
    [InlineData(4, 150, 50, 2)]
    [InlineData(3, 100, 67, 1)] // no surge: one may be unavailable
    [InlineData(4, 100, 50, 2)]
    [InlineData(1, 100, 100, 1)] // never zero
    public void RollingBatchFollowsMaximumAndMinimumHealthyPercent(int desired, int maxPercent, int minHealthy, int batch)
    {
        Assert.Equal(batch, StrategyBuilder.BatchSize(desired, maxPercent, minHealthy));
    }
}
