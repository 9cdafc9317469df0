using System.Text.Json;
using Release.Sdk.Deploy.Journal;
using Release.Sdk.Deploy.Plan;
using Release.Sdk.Deploy.Tests.Fakes;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Deploy.Tests.Strategy;

/// <summary>A deploy whose process died: its journal on disk is all another process has.</summary>
public sealed class ResumeTests
{
    [Fact]
    public async Task RetryAfterACrashReappliesWeightsAndDoesNotRepeatTheMigration()
    {
        using var scenario = new Scenario();
        var plan = Scenario.Plan() with { Hooks = new HookSettings { MigrationCommand = "migrate" } };
        using (var crash = new CancellationTokenSource())
        {
            var run = scenario.Runner().RunAsync(scenario.Start(plan), crash.Token);
            await scenario.AdvanceUntilAsync(j => j.Weights.GetValueOrDefault("blue") == 25);
            await crash.CancelAsync(); // the process "dies" mid-canary
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }
        var orphan = scenario.Files.Read();
        Assert.True(orphan.InFlight);
        scenario.Infrastructure.Weights.Clear(); // e.g. the router restarted and lost its weights
        scenario.Infrastructure.Log.Add("--- resumed ---");

        var journal = await scenario.DriveAsync(scenario.Runner().RunAsync(orphan, CancellationToken.None));

        Assert.Equal(DeployStatus.Completed, journal.Status);
        var resumed = scenario.Infrastructure.Log.SkipWhile(l => l != "--- resumed ---").ToList();
        Assert.Equal("weights blue=25 green=75", resumed[1]);
        Assert.Single(scenario.Infrastructure.Log, l => l == "command migrate");
        Assert.Single(scenario.Infrastructure.Running, i => i.Group == "blue");
    }

    [Fact]
    public async Task RollbackFromTheJournalOfADeadProcessEndsOnTheStableVersion()
    {
        using var scenario = new Scenario();
        using (var crash = new CancellationTokenSource())
        {
            var run = scenario.Runner().RunAsync(scenario.Start(Scenario.Plan()), crash.Token);
            await scenario.AdvanceUntilAsync(j => j.Weights.GetValueOrDefault("blue") == 50);
            await crash.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }

        var journal = await scenario.Runner().RollbackAsync(scenario.Files.Read(), "operator rollback", null, CancellationToken.None);

        Assert.Equal(DeployStatus.RolledBack, journal.Status);
        Assert.Equal(new Dictionary<string, int> { ["green"] = 100 }, scenario.Infrastructure.Weights);
        Assert.Equal(["green-1"], scenario.Infrastructure.Running.Select(i => i.Name));
        Assert.Equal(DeployStatus.RolledBack, scenario.Files.Read().Status);
    }

    [Fact]
    public void ANewDeployIsRefusedWhileThePreviousOneIsInFlight()
    {
        using var scenario = new Scenario();
        var inFlight = scenario.Start(Scenario.Plan());
        var error = Assert.Throws<ReleaseException>(() => Deploy.Strategy.DeployStart.Create(Scenario.Plan(), inFlight, scenario.Infrastructure.Running, scenario.Time.GetUtcNow()));
        Assert.Equal("RSDK7004", error.Code);
        Assert.Contains("deploy retry", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyOneProcessHoldsTheDeployLock()
    {
        using var scenario = new Scenario();
        using (var held = DeployLock.Acquire(scenario.Files, null))
        {
            Assert.Null(DeployLock.TryAcquire(scenario.Files));
            Assert.False(DeployLock.IsFree(scenario.Files));
            Assert.Equal("RSDK7003", Assert.Throws<ReleaseException>(() => DeployLock.Acquire(scenario.Files, null)).Code);
        }
        Assert.True(DeployLock.IsFree(scenario.Files));
    }

    [Fact]
    public void JournalRoundTripsThroughItsFile()
    {
        using var scenario = new Scenario();
        var journal = scenario.Start(Scenario.Plan());
        scenario.Files.Write(journal);
        var read = scenario.Files.Read();
        Assert.Equal(JsonSerializer.Serialize(journal, JournalFiles.Json), JsonSerializer.Serialize(read, JournalFiles.Json));
        Assert.Empty(Directory.GetFiles(scenario.Files.Directory, "*.tmp"));
    }

    [Fact]
    public async Task ControlRequestsMergeAndAreTakenOnce()
    {
        using var scenario = new Scenario();
        Directory.CreateDirectory(scenario.Files.Directory);
        ControlRequests.Post(scenario.Files, new ControlRequest(true, null, scenario.Time.GetUtcNow()));
        ControlRequests.Post(scenario.Files, new ControlRequest(false, "stop", scenario.Time.GetUtcNow()));
        var taken = ControlRequests.Take(scenario.Files);
        Assert.Equal((true, "stop"), (taken!.Promote, taken.Abort));
        Assert.Null(ControlRequests.Take(scenario.Files));
        await Task.CompletedTask;
    }
}
