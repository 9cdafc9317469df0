using Release.Sdk.Deploy.Plan;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Deploy.Tests.Plan;

public sealed class DeployPlanReaderTests
{
    private static DeployPlan Read(string json) => DeployPlanReader.Read(json, "/work/app", "plan.json");

    [Fact]
    public void MinimalPlanGetsTheSeedDefaults()
    {
        var plan = Read("""{ "version": "1.2.0", "publishDir": "bin/publish", "strategy": "canary" }""");

        Assert.Equal("/work/app/bin/publish", plan.PublishDirectory.Replace('\\', '/'));
        Assert.Equal("local", plan.Target);
        Assert.Equal([10, 25, 50, 75, 100], plan.Canary.Weights);
        Assert.Equal(TimeSpan.FromMinutes(5), plan.Canary.FirstAnalysis);
        Assert.Equal(TimeSpan.FromMinutes(3), plan.Canary.StepAnalysis);
        Assert.Equal(TimeSpan.FromMinutes(10), plan.HealthTimeout);
        Assert.Equal((200, 50, TimeSpan.FromMinutes(15)), (plan.Rolling.MaxPercent, plan.Rolling.MinHealthyPercent, plan.Rolling.Deadline));
        Assert.Equal(0.98, plan.Analysis.Confidence);
        Assert.Equal(NoDataPolicy.Pause, plan.Analysis.NoData);
        var (errors, latency) = (plan.Analysis.Thresholds[0], plan.Analysis.Thresholds[1]);
        Assert.Equal(("5xx-count", Aggregate.Count, 10.0, 2), (errors.Name, errors.Aggregate, errors.Threshold, errors.Periods));
        Assert.Equal(("response-time", 2.0, 3), (latency.Name, latency.Threshold, latency.Periods));
        Assert.Equal(TimeSpan.FromMinutes(5), plan.Analysis.Interval);
    }

    [Fact]
    public void EverySettingCanBeChanged()
    {
        var plan = Read("""
            {
              "app": "web", "version": "2.0.0", "publishDir": "/p", "strategy": "bluegreen", "instances": "3",
              "canary.weights": "20;100", "canary.firstAnalysis": "30s", "analysis.interval": "1m30s",
              "analysis.noData": "fail", "analysis.minRequests": "5", "hooks.migration": "dotnet ef database update",
              "thresholds": [ { "name": "error-rate", "aggregate": "mean", "above": "0.01", "periods": "1" } ],
              "comparisons": [ { "name": "throughput", "query": "rps", "worse": "lower" } ],
              "smokeTests": [ "/health", { "spec": "curl -f $RELEASE_DEPLOY_URL", "expectStatus": "200" } ],
              "router.proxyUrl": "http://127.0.0.1:8080", "env.KNOB": "1"
            }
            """);

        Assert.Equal(DeployStrategyKind.BlueGreen, plan.Strategy);
        Assert.Equal([20, 100], plan.Canary.Weights);
        Assert.Equal(TimeSpan.FromSeconds(90), plan.Analysis.Interval);
        Assert.Equal(NoDataPolicy.Fail, plan.Analysis.NoData);
        Assert.Equal("error-rate", Assert.Single(plan.Analysis.Thresholds).Query);
        Assert.False(Assert.Single(plan.Analysis.Comparisons).HigherIsWorse);
        Assert.Equal("/health", plan.Hooks.SmokeTests[0].Path);
        Assert.Equal("curl -f $RELEASE_DEPLOY_URL", plan.Hooks.SmokeTests[1].Command);
        Assert.Equal("http://127.0.0.1:8080", plan.TargetSettings["router.proxyUrl"]);
        Assert.Equal("1", plan.TargetSettings["env.KNOB"]);
    }

    [Theory]
    [InlineData("\"strategy\": \"recreate\"", "ReleaseDeployStrategy")]
    [InlineData("\"canary.weights\": \"50;25;100\"", "ReleaseDeployCanaryWeights")]
    [InlineData("\"canary.weights\": \"10;50\"", "ReleaseDeployCanaryWeights")]
    [InlineData("\"analysis.interval\": \"five minutes\"", "ReleaseDeployAnalysisInterval")]
    [InlineData("\"analysis.noData\": \"ignore\"", "ReleaseDeployAnalysisNoData")]
    [InlineData("\"analysis.confidence\": \"1.5\"", "ReleaseDeployAnalysisConfidence")]
    [InlineData("\"canary.wieghts\": \"10;100\"", "canary.wieghts")]
    public void InvalidSettingsAreCodedErrorsNamingTheProperty(string setting, string named)
    {
        var json = $$"""{ "version": "1.0.0", "publishDir": "/p", "strategy": "canary", {{setting}} }""".Replace("\"strategy\": \"canary\", \"strategy\"", "\"strategy\"", StringComparison.Ordinal);
        var error = Assert.Throws<ReleaseException>(() => Read(json));
        Assert.Equal("RSDK7001", error.Code);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenJsonIsItsOwnCode()
    {
        Assert.Equal("RSDK7002", Assert.Throws<ReleaseException>(() => Read("{ nope")).Code);
        Assert.Equal("RSDK7002", Assert.Throws<ReleaseException>(() => DeployPlanReader.ReadFile("/nonexistent/plan.json")).Code);
    }

    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("30s", 30_000)]
    [InlineData("5m", 300_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("00:05:00", 300_000)]
    public void DurationsReadAsPeopleWriteThem(string text, int milliseconds)
    {
        Assert.True(Durations.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }
}
