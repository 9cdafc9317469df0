using Release.Sdk.Deploy.Analysis;
using Release.Sdk.Deploy.Plan;
using Release.Sdk.Deploy.Ports;

namespace Release.Sdk.Deploy.Journal;

/// <summary>
/// The state of one deploy, rewritten atomically after every step and every heartbeat: enough for another process to
/// show status, promote, abort, resume (retry) or roll back, and for the timeline chart.
/// </summary>
internal sealed class DeployJournal
{
    public required string Id { get; init; }
    public required DeployPlan Plan { get; init; }
    public DeployStatus Status { get; set; } = DeployStatus.Running;

    /// <summary>The router group of the new version and of the version it replaces ("blue"/"green", alternating per deploy).</summary>
    public required string NewGroup { get; init; }
    public required string StableGroup { get; init; }
    public string? StableVersion { get; init; }
    public string? StablePublishDirectory { get; init; }

    /// <summary>The plan the stable version was deployed with (its instance environment), to restart it on rollback.</summary>
    public DeployPlan? StablePlan { get; init; }
    public int StableInstanceCount { get; init; }

    public int StepIndex { get; set; }
    public List<string> Steps { get; init; } = [];
    public DateTimeOffset StepStartedAt { get; set; }
    public Dictionary<string, int> Weights { get; init; } = new(StringComparer.Ordinal);
    public List<BackendInstance> Instances { get; init; } = [];
    public List<Verdict> Verdicts { get; init; } = [];
    public Dictionary<string, int> Breaches { get; init; } = new(StringComparer.Ordinal);
    public List<string> CompletedHooks { get; init; } = [];
    public List<TimelinePoint> Timeline { get; init; } = [];
    public List<DeployEvent> Events { get; init; } = [];

    public int FailedStarts { get; set; }
    public string? PauseReason { get; set; }
    public string? Outcome { get; set; }

    /// <summary>The diagnostic code of a rollback (RSDK7007 analysis or health, RSDK7008 hook, RSDK7010 deadline).</summary>
    public string? OutcomeCode { get; set; }

    public int OwnerPid { get; set; }
    public DateTimeOffset Heartbeat { get; set; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; set; }

    public bool InFlight => Status is DeployStatus.Running or DeployStatus.Paused;

    public string CurrentStep => StepIndex < Steps.Count ? Steps[StepIndex] : "done";

    public IEnumerable<BackendInstance> InstancesOf(string group) => Instances.Where(i => i.Group == group);
}

/// <summary>One point of the timeline chart: after a step, its weight and the new version's error rate and p95 latency.</summary>
internal sealed record TimelinePoint(int Step, string Label, DateTimeOffset At, int Weight, double ErrorRate, double P95Seconds, VerdictOutcome? Verdict);

internal enum DeployEventKind
{
    Started,
    Promoted,
    Paused,
    RolledBack,
    Completed,
    Alert,
}

/// <summary>What notifiers are told: for a rollback or an alert, the failing metric, its value, threshold and step.</summary>
internal sealed record DeployEvent(
    DeployEventKind Kind,
    string App,
    string Version,
    string? PreviousVersion,
    string Strategy,
    string Step,
    DateTimeOffset At,
    string Message,
    string? Metric = null,
    double? Value = null,
    double? Threshold = null);
