using Release.Sdk.Deploy.Journal;
using Release.Sdk.Deploy.Plan;

namespace Release.Sdk.Deploy.Strategy;

/// <summary>One step of a strategy. Every step is safe to repeat, so a resumed deploy re-runs the step it died in.</summary>
internal abstract record DeployStep
{
    public abstract string Label { get; }
}

/// <summary>Starts the new version's instances beside the stable ones and adds them to the router with no traffic (health wait included).</summary>
internal sealed record StartNewStep(int Count) : DeployStep
{
    public override string Label => $"start {Count} new instance(s)";
}

/// <summary>The migration command: run once per deploy, before any traffic reaches the new version.</summary>
internal sealed record MigrationStep(string Command) : DeployStep
{
    public override string Label => "migration";
}

/// <summary>Smoke tests against every new instance, before any traffic.</summary>
internal sealed record SmokeTestStep(IReadOnlyList<SmokeTest> Tests) : DeployStep
{
    public override string Label => $"smoke tests ({Tests.Count})";
}

/// <summary>Sends <see cref="Percent"/> % of new requests to the new version, the rest to the stable one.</summary>
internal sealed record SetWeightStep(int Percent) : DeployStep
{
    public override string Label => $"set weight {Percent}%";
}

/// <summary>Waits a duration, or (no duration) until 'deploy promote'.</summary>
internal sealed record PauseStep(TimeSpan? Duration, string Reason) : DeployStep
{
    public override string Label => Duration is { } d ? $"pause {Durations.Format(d)}" : $"wait for promote ({Reason})";
}

/// <summary>Collects metrics for a duration: thresholds judged every interval, the canary compared with stable.</summary>
internal sealed record AnalyzeStep(TimeSpan Duration, bool Compare) : DeployStep
{
    public override string Label => $"analyze {Durations.Format(Duration)}{(Compare ? "" : " (thresholds)")}";
}

/// <summary>Blue-green: all new requests to the new colour at once.</summary>
internal sealed record SwitchActiveStep : DeployStep
{
    public override string Label => "switch traffic";
}

/// <summary>Rolling: start <see cref="Count"/> new instances, move their share of traffic, retire as many old ones.</summary>
internal sealed record ReplaceBatchStep(int Batch, int Count, int NewTotal, int OldRemaining, bool RunSmokeTests) : DeployStep
{
    public override string Label => $"replace batch {Batch} ({Count} instance(s))";
}

/// <summary>Drains, removes and stops the previous version's instances: the point of no return of a deploy.</summary>
internal sealed record ScaleDownStep : DeployStep
{
    public override string Label => "scale down previous version";
}

internal sealed record NotifyStep(DeployEventKind Kind) : DeployStep
{
    public override string Label => $"notify {Kind.ToString().ToLowerInvariant()}";
}
