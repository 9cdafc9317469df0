namespace Release.Sdk.Deploy.Plan;

/// <summary>
/// Everything one deploy needs, read from the plan file the ReleaseDeploy target writes (or a hand-written one).
/// Every number has the seed's default (docs/deploy.md lists them with their MSBuild property).
/// </summary>
internal sealed record DeployPlan
{
    public required string App { get; init; }
    public required string Version { get; init; }
    public required string PublishDirectory { get; init; }
    public required DeployStrategyKind Strategy { get; init; }
    public string Target { get; init; } = "local";
    public int Instances { get; init; } = 1;
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromMinutes(10);
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the driving process looks for promote/abort requests and writes its heartbeat.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public CanarySettings Canary { get; init; } = new();
    public BlueGreenSettings BlueGreen { get; init; } = new();
    public RollingSettings Rolling { get; init; } = new();
    public AnalysisSettings Analysis { get; init; } = new();
    public HookSettings Hooks { get; init; } = new();
    public MonitorSettings Monitor { get; init; } = new();

    /// <summary>Settings handed as they are to the target's adapters (router port, metric provider URL, haproxy socket…).</summary>
    public IReadOnlyDictionary<string, string> TargetSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Who hears about the deploy: <c>{"environment", "projectName", "notifiers": [ReleaseNotifier items]}</c> in the shape
    /// of the release run's notify settings (docs/notifications.md), read by the CLI's notifier wiring; null: none configured here.
    /// </summary>
    public System.Text.Json.Nodes.JsonObject? Notifications { get; init; }
}

internal enum DeployStrategyKind
{
    Canary,
    BlueGreen,
    Rolling,
}

/// <summary>Seed: 10 % for 5 min, then 25 → 50 → 75 → 100 % with 3 min each.</summary>
internal sealed record CanarySettings
{
    public IReadOnlyList<int> Weights { get; init; } = [10, 25, 50, 75, 100];
    public TimeSpan FirstAnalysis { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan StepAnalysis { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Weights after whose analysis the deploy waits for 'deploy promote'.</summary>
    public IReadOnlyList<int> PauseAfter { get; init; } = [];
}

/// <summary>Seed: green beside blue, health wait up to 10 min, smoke tests, switch, monitor, roll back to blue on trouble, clean up blue.</summary>
internal sealed record BlueGreenSettings
{
    public TimeSpan Monitor { get; init; } = TimeSpan.FromMinutes(5);
}

/// <summary>Seed (ECS): maximumPercent 200, minimumHealthyPercent 50, circuit breaker with rollback, 15 min deadline.</summary>
internal sealed record RollingSettings
{
    public int MaxPercent { get; init; } = 200;
    public int MinHealthyPercent { get; init; } = 50;
    public TimeSpan Deadline { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Failed instance starts (health timeouts) that trip the circuit breaker.</summary>
    public int CircuitBreakerFailures { get; init; } = 3;

    /// <summary>Analysis after each batch (thresholds only); zero skips it.</summary>
    public TimeSpan BatchAnalysis { get; init; } = TimeSpan.Zero;
}

internal enum NoDataPolicy
{
    Fail,
    Pause,
    Pass,
}

internal sealed record AnalysisSettings
{
    /// <summary>Threshold period (the seed's 5 min) and how often the comparison is judged during an analysis step.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>One comparison sample per metric and group every period.</summary>
    public TimeSpan SamplePeriod { get; init; } = TimeSpan.FromSeconds(10);

    public double Confidence { get; init; } = 0.98;
    public int MinSamples { get; init; } = 10;

    /// <summary>Relative worsening (Hodges–Lehmann shift ÷ stable median) tolerated even when significant.</summary>
    public double EffectTolerance { get; init; } = 0.1;

    public NoDataPolicy NoData { get; init; } = NoDataPolicy.Pause;
    public long MinRequests { get; init; } = 20;

    /// <summary>The provider's expressions for the error rate and the p95 latency (seconds): defaults of rules, comparisons and the timeline.</summary>
    public string ErrorRateQuery { get; init; } = "error-rate";
    public string LatencyQuery { get; init; } = "p95-latency";

    public IReadOnlyList<ThresholdRule> Thresholds { get; init; } = ThresholdRule.SeedDefaults("error-rate", "p95-latency");
    public IReadOnlyList<ComparisonMetric> Comparisons { get; init; } =
        [new("error-rate", "error-rate", HigherIsWorse: true), new("p95-latency", "p95-latency", HigherIsWorse: true)];
}

/// <summary>How a rule reduces one window's samples to a value: "count" multiplies a rate by the window's request count.</summary>
internal enum Aggregate
{
    Mean,
    Max,
    Sum,
    Last,
    Count,
}

/// <param name="Above">Breach when the value is above (true) or below (false) <paramref name="Threshold"/>.</param>
/// <param name="Periods">Consecutive breached periods that fail the analysis.</param>
internal sealed record ThresholdRule(string Name, string Query, Aggregate Aggregate, double Threshold, bool Above, int Periods)
{
    /// <summary>The seed's rollback monitor: 5xx count > 10 per 5 min over 2 periods; response time > 2 s over 3 periods.</summary>
    public static IReadOnlyList<ThresholdRule> SeedDefaults(string errorRateQuery, string latencyQuery) =>
    [
        new("5xx-count", errorRateQuery, Aggregate.Count, 10, Above: true, Periods: 2),
        new("response-time", latencyQuery, Aggregate.Max, 2.0, Above: true, Periods: 3),
    ];
}

internal sealed record ComparisonMetric(string Name, string Query, bool HigherIsWorse);

internal sealed record HookSettings
{
    /// <summary>Run once, before any traffic reaches the new version; a rollback does not undo it.</summary>
    public string? MigrationCommand { get; init; }
    public IReadOnlyList<SmokeTest> SmokeTests { get; init; } = [];

    /// <summary>When set, the deploy waits for 'deploy promote' before the switch (blue-green) or the last weight (canary).</summary>
    public string? Confirmation { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);
}

/// <summary>An HTTP GET against each new instance (path relative to it) or a command; run before any traffic.</summary>
internal sealed record SmokeTest(string? Path, string? Command, int ExpectStatus = 200, string? Contains = null)
{
    public string Describe() => Path is not null ? $"GET {Path} → {ExpectStatus}" : $"command '{Command}'";
}

/// <summary>Post-release monitoring: the rollback-monitor rules (the thresholds) over the live version.</summary>
internal sealed record MonitorSettings
{
    /// <summary>Keep monitoring this long after a completed deploy (zero: don't).</summary>
    public TimeSpan After { get; init; } = TimeSpan.Zero;
}
