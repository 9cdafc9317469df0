using Release.Sdk.Deploy.Analysis;
using Release.Sdk.Deploy.Journal;
using Release.Sdk.Deploy.Plan;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Deploy.Strategy;

internal sealed partial class DeployRunner
{
    /// <summary>
    /// Abort/rollback: traffic back to the stable version FIRST (restarting it from its publish directory if a rolling
    /// deploy had already retired it), then the new instances drained and stopped. A no-op when nothing is in flight.
    /// </summary>
    public async Task<DeployJournal> RollbackAsync(DeployJournal journal, string reason, Verdict? verdict, CancellationToken cancellationToken, DiagnosticDescriptor? code = null)
    {
        if (!journal.InFlight)
        {
            log($"nothing to roll back: the deploy of {journal.Plan.Version} is {journal.Status.ToString().ToLowerInvariant()}");
            return journal;
        }
        log($"rolling back: {reason}");
        journal.OwnerPid = Environment.ProcessId;
        await RestoreStableAsync(journal, cancellationToken).ConfigureAwait(false);
        if (journal.InstancesOf(journal.StableGroup).Any())
        {
            journal.Weights.Clear();
            journal.Weights[journal.StableGroup] = 100;
            await target.Router.SetWeightsAsync(journal.Weights, cancellationToken).ConfigureAwait(false);
            Save(journal);
            log($"traffic: 100% to {journal.StableVersion}");
        }
        else
        {
            log("no previous version to send traffic to (first deploy): stopping the new version leaves the app down");
        }
        await RetireAsync(journal, journal.InstancesOf(journal.NewGroup).ToList(), cancellationToken).ConfigureAwait(false);
        journal.Weights.Remove(journal.NewGroup);
        journal.Status = DeployStatus.RolledBack;
        journal.PauseReason = null;
        journal.Outcome = $"rolled back at '{journal.CurrentStep}': {reason}";
        journal.OutcomeCode = (code ?? DiagnosticCatalog.DeployRolledBack).Code;
        journal.FinishedAt = time.GetUtcNow();
        Save(journal);
        await NotifyAsync(journal, DeployEventKind.RolledBack, journal.Outcome, verdict, cancellationToken).ConfigureAwait(false);
        log($"rolled back: {reason}");
        return journal;
    }

    /// <summary>Starts the previous version again when fewer of its instances run than before the deploy (rolling, or a completed deploy being rolled back).</summary>
    private async Task RestoreStableAsync(DeployJournal journal, CancellationToken cancellationToken)
    {
        if (journal.StableVersion is null || journal.StablePublishDirectory is null) return;
        var wanted = journal.StableInstanceCount;
        while (journal.InstancesOf(journal.StableGroup).Count() < wanted)
        {
            log($"restarting the previous version {journal.StableVersion} from {journal.StablePublishDirectory}");
            var failure = await StartInstanceAsync(journal, journal.StableGroup, journal.StableVersion, journal.StablePublishDirectory, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                log($"could not restart the previous version: {failure}; traffic stays where it is");
                return;
            }
        }
    }

    /// <summary>
    /// Post-release monitoring: the rollback-monitor rules (the thresholds) over the live version, interval by interval,
    /// for <paramref name="duration"/>. A tripped rule rolls back to the previous version (restarted from its publish
    /// directory) or, when there is none, raises an alert. Returns the tripping verdict, or null when all stayed green.
    /// </summary>
    public async Task<Verdict?> MonitorAsync(DeployJournal journal, TimeSpan duration, CancellationToken cancellationToken)
    {
        var liveGroup = journal.Status == DeployStatus.RolledBack ? journal.StableGroup : journal.NewGroup;
        var settings = journal.Plan.Analysis;
        var end = time.GetUtcNow() + duration;
        var breaches = new Dictionary<string, int>(StringComparer.Ordinal);
        log($"monitoring {liveGroup} for {Durations.Format(duration)}: {string.Join("; ", settings.Thresholds.Select(r => $"{r.Name} {(r.Above ? ">" : "<")} {r.Threshold} over {r.Periods} period(s) of {Durations.Format(settings.Interval)}"))}");
        await SampleAsync(journal, liveGroup, null, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        while (time.GetUtcNow() < end)
        {
            var from = time.GetUtcNow();
            var intervalEnd = end - from < settings.Interval ? end : from + settings.Interval;
            while (time.GetUtcNow() < intervalEnd)
            {
                var sampleFrom = time.GetUtcNow();
                var slice = intervalEnd - sampleFrom < settings.SamplePeriod ? intervalEnd - sampleFrom : settings.SamplePeriod;
                await WaitAsync(journal, slice, promotable: false, cancellationToken).ConfigureAwait(false);
                await SampleAsync(journal, liveGroup, null, sampleFrom, cancellationToken).ConfigureAwait(false);
            }
            var failure = await JudgeIntervalAsync(journal, "monitor", "monitor", liveGroup, from, time.GetUtcNow(), breaches, cancellationToken).ConfigureAwait(false);
            if (failure is null || failure.Result != StepResult.Fail) continue;
            var verdict = failure.Verdict;
            if (journal.Status == DeployStatus.Completed && journal.StablePublishDirectory is not null)
            {
                journal.Status = DeployStatus.Running; // in flight again: the rollback restarts the previous version, then retires this one
                await RollbackAsync(journal, $"post-release monitoring: {failure.Reason}", verdict, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                log($"ALERT: {failure.Reason} (no previous version to roll back to)");
                await NotifyAsync(journal, DeployEventKind.Alert, $"post-release monitoring: {failure.Reason}", verdict, cancellationToken).ConfigureAwait(false);
            }
            return verdict;
        }
        log("monitoring finished: every rule stayed within its threshold");
        return null;
    }
}
