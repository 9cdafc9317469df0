using Microsoft.Extensions.Time.Testing;
using Release.Sdk.Deploy.Journal;
using Release.Sdk.Deploy.Notifications;
using Release.Sdk.Deploy.Plan;
using Release.Sdk.Deploy.Ports;
using Release.Sdk.Deploy.Strategy;
using Release.Sdk.Deploy.Targets;

namespace Release.Sdk.Deploy.Tests.Fakes;

/// <summary>
/// One deploy on fake ports and a fake clock: v1.0.0 already live in "green" (unless <c>firstDeploy</c>), v2.0.0 deployed.
/// <see cref="DriveAsync"/> advances the clock a second at a time until the run ends — every wait in the runner is on
/// the fake clock and the fakes complete synchronously, so the run is deterministic.
/// </summary>
internal sealed class Scenario : IDisposable
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    public FakeInfrastructure Infrastructure { get; } = new();
    public List<string> Output { get; } = [];
    public List<DeployEvent> Notified { get; } = [];
    public JournalFiles Files { get; }
    public IMetricProvider Metrics { get; set; } = FakeMetrics.Healthy();
    public FakeHooks? Hooks { get; set; }
    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), "rsdk-deploy-tests", Guid.NewGuid().ToString("N"));

    public Scenario(int stableInstances = 1)
    {
        Files = new JournalFiles(_stateDirectory);
        for (var i = 0; i < stableInstances; i++) Infrastructure.Seed("green", "1.0.0");
    }

    /// <summary>Short, test-sized settings: analysis interval 1 min, a sample every 5 s, 2 min at the first weight and 1 min at the others.</summary>
    public static DeployPlan Plan(DeployStrategyKind strategy = DeployStrategyKind.Canary, int instances = 1) => new()
    {
        App = "web",
        Version = "2.0.0",
        PublishDirectory = "/publish/2.0.0",
        Strategy = strategy,
        Instances = instances,
        Canary = new CanarySettings { FirstAnalysis = TimeSpan.FromMinutes(2), StepAnalysis = TimeSpan.FromMinutes(1) },
        BlueGreen = new BlueGreenSettings { Monitor = TimeSpan.FromMinutes(1) },
        Analysis = new AnalysisSettings { Interval = TimeSpan.FromMinutes(1), SamplePeriod = TimeSpan.FromSeconds(5), MinSamples = 10 },
    };

    public DeployJournal Start(DeployPlan plan)
    {
        // The previous deploy, completed: v1.0.0 live in "green" (from /publish/1.0.0, which a rollback may restart).
        var previous = Infrastructure.Running.Count == 0 ? null : new DeployJournal
        {
            Id = "web-1.0.0", Plan = plan with { Version = "1.0.0", PublishDirectory = "/publish/1.0.0" }, Status = DeployStatus.Completed,
            NewGroup = "green", StableGroup = "blue", StartedAt = Time.GetUtcNow().AddHours(-1),
        };
        return DeployStart.Create(plan, previous, Infrastructure.Running, Time.GetUtcNow());
    }

    public DeployRunner Runner() => new(
        new DeployTarget(Infrastructure, Infrastructure, Metrics), Files, Time, Hooks ?? new FakeHooks(Infrastructure.Log),
        new RecordingSink(Notified), Output.Add);

    public async Task<T> DriveAsync<T>(Task<T> run, int maxSeconds = 7200)
    {
        for (var i = 0; i < maxSeconds && !run.IsCompleted; i++)
        {
            Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }
        Assert.True(run.IsCompleted, $"the deploy did not finish within {maxSeconds} fake seconds:\n{string.Join('\n', Output)}");
        return await run;
    }

    /// <summary>Advances the clock until the journal on disk satisfies <paramref name="condition"/> (the run keeps going in the background).</summary>
    public async Task AdvanceUntilAsync(Func<DeployJournal, bool> condition, int maxSeconds = 7200)
    {
        for (var i = 0; i < maxSeconds; i++)
        {
            if (Files.TryRead() is { } journal && condition(journal)) return;
            Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }
        Assert.Fail($"condition not reached within {maxSeconds} fake seconds:\n{string.Join('\n', Output)}");
    }

    /// <summary>
    /// Advances the clock with no synchronization context on the thread: the runner's continuations then run inline in
    /// the timer callbacks (with xunit's context present, the runtime would queue them to the thread pool and the run
    /// would race the clock).
    /// </summary>
    public void Advance(TimeSpan delta)
    {
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            Time.Advance(delta);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    public string Explain() => string.Join('\n', Output) + "\n--- effects ---\n" + string.Join('\n', Infrastructure.Log);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private sealed class RecordingSink(List<DeployEvent> events) : INotificationSink
    {
        public Task NotifyAsync(DeployEvent deployEvent, CancellationToken cancellationToken)
        {
            events.Add(deployEvent);
            return Task.CompletedTask;
        }
    }
}
