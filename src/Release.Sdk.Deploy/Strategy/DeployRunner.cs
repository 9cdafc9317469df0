using Release.Sdk.Deploy.Hooks;
using Release.Sdk.Deploy.Journal;
using Release.Sdk.Deploy.Notifications;
using Release.Sdk.Deploy.Targets;

namespace Release.Sdk.Deploy.Strategy;

/// <summary>
/// The strategy state machine: runs the plan's steps in order against the target's ports, with every wait on
/// <see cref="TimeProvider"/> (a fake clock in tests), the journal written after every step and every poll, and
/// promote/abort requests from other shells taken between polls. The caller holds the deploy lock.
/// </summary>
internal sealed partial class DeployRunner(
    DeployTarget target,
    JournalFiles files,
    TimeProvider time,
    IHookRunner hooks,
    INotificationSink notifications,
    Action<string> log)
{
    /// <summary>Drives the deploy from its current step until it completes, is rolled back or the token is cancelled.</summary>
    public async Task<DeployJournal> RunAsync(DeployJournal journal, CancellationToken cancellationToken)
    {
        var steps = StrategyBuilder.Build(journal.Plan, journal.StableInstanceCount);
        journal.Steps.Clear();
        journal.Steps.AddRange(steps.Select(s => s.Label));
        await ReconcileAsync(journal, cancellationToken).ConfigureAwait(false);
        try
        {
            while (journal.InFlight)
            {
                var control = ControlRequests.Take(files);
                if (control?.Abort is { } abortReason)
                    return await RollbackAsync(journal, $"aborted from another shell: {abortReason}", null, cancellationToken).ConfigureAwait(false);

                if (journal.Status == DeployStatus.Paused)
                {
                    if (control?.Promote == true) await PromoteAsync(journal, cancellationToken).ConfigureAwait(false);
                    else await DelayAsync(journal, journal.Plan.PollInterval, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (journal.StepIndex >= steps.Count)
                {
                    await CompleteAsync(journal).ConfigureAwait(false);
                    break;
                }

                var step = steps[journal.StepIndex];
                journal.StepStartedAt = time.GetUtcNow();
                Save(journal);
                log($"[{journal.StepIndex + 1}/{steps.Count}] {step.Label} · weights {DescribeWeights(journal)}");
                var outcome = await ExecuteAsync(journal, step, control?.Promote == true, cancellationToken).ConfigureAwait(false);
                switch (outcome.Result)
                {
                    case StepResult.Next:
                        RecordTimelinePoint(journal, step, await MeasureStepAsync(journal, cancellationToken).ConfigureAwait(false));
                        journal.StepIndex++;
                        Save(journal);
                        break;
                    case StepResult.Pause:
                        RecordTimelinePoint(journal, step, await MeasureStepAsync(journal, cancellationToken).ConfigureAwait(false));
                        journal.Status = DeployStatus.Paused;
                        journal.PauseReason = outcome.Reason;
                        Save(journal);
                        log($"paused: {outcome.Reason} — run 'dotnet-release deploy promote' to go on or 'deploy abort' to roll back");
                        await NotifyAsync(journal, DeployEventKind.Paused, outcome.Reason!, null, cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        RecordTimelinePoint(journal, step, await MeasureStepAsync(journal, cancellationToken).ConfigureAwait(false));
                        return await RollbackAsync(journal, outcome.Reason!, outcome.Verdict, cancellationToken, outcome.Code).ConfigureAwait(false);
                }
            }
        }
        catch (AbortRequestedException abort)
        {
            return await RollbackAsync(journal, $"aborted from another shell: {abort.Message}", null, cancellationToken).ConfigureAwait(false);
        }
        return journal;
    }

    /// <summary>
    /// A resumed deploy trusts the workload over the journal (an instance started just before a crash may be missing
    /// from it) and re-applies the journal's weights, so the router is never left half-switched.
    /// </summary>
    private async Task ReconcileAsync(DeployJournal journal, CancellationToken cancellationToken)
    {
        journal.OwnerPid = Environment.ProcessId;
        var running = await target.Workload.ListAsync(cancellationToken).ConfigureAwait(false);
        var relevant = running.Where(i => i.Group == journal.NewGroup || i.Group == journal.StableGroup).ToList();
        var known = journal.Instances.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var orphan in relevant.Where(i => !known.Contains(i.Name)))
        {
            log($"adopting instance {orphan.Name} ({orphan.Group} {orphan.Version}) that the journal did not record");
            journal.Instances.Add(orphan);
        }
        var alive = relevant.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        journal.Instances.RemoveAll(i => !alive.Contains(i.Name));
        if (journal.StepIndex > 0 && journal.Weights.Count > 0)
            await target.Router.SetWeightsAsync(journal.Weights, cancellationToken).ConfigureAwait(false);
        Save(journal);
    }

    private async Task PromoteAsync(DeployJournal journal, CancellationToken cancellationToken)
    {
        log($"promoted: {journal.PauseReason}");
        await NotifyAsync(journal, DeployEventKind.Promoted, $"promoted past '{journal.CurrentStep}'", null, cancellationToken).ConfigureAwait(false);
        journal.Status = DeployStatus.Running;
        journal.PauseReason = null;
        journal.StepIndex++;
        Save(journal);
    }

    private Task CompleteAsync(DeployJournal journal)
    {
        journal.Status = DeployStatus.Completed;
        journal.Outcome = $"{journal.Plan.Version} serves 100% of traffic";
        journal.FinishedAt = time.GetUtcNow();
        Save(journal);
        log($"completed: {journal.Outcome}");
        return Task.CompletedTask;
    }

    /// <summary>Waits on the clock in poll-sized slices, writing the heartbeat and taking requests; returns true when promoted.</summary>
    private async Task<bool> WaitAsync(DeployJournal journal, TimeSpan duration, bool promotable, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + duration;
        while (time.GetUtcNow() < until)
        {
            var slice = until - time.GetUtcNow();
            await DelayAsync(journal, slice < journal.Plan.PollInterval ? slice : journal.Plan.PollInterval, cancellationToken).ConfigureAwait(false);
            var control = ControlRequests.Take(files);
            if (control?.Abort is { } reason) throw new AbortRequestedException(reason);
            if (control?.Promote == true)
            {
                if (promotable) return true;
                log($"promote ignored: '{journal.CurrentStep}' is not a pause (promote works on a paused deploy)");
            }
        }
        return false;
    }

    private async Task DelayAsync(DeployJournal journal, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay > TimeSpan.Zero) await SleepAsync(delay, cancellationToken).ConfigureAwait(false);
        Save(journal);
    }

    /// <summary>
    /// A timer on <see cref="TimeProvider"/> whose continuation runs inline in the timer callback: under a fake clock the
    /// whole run advances inside FakeTimeProvider.Advance, one deterministic step at a time (Task.Delay would hop to the
    /// thread pool and race the test's clock).
    /// </summary>
    private async Task SleepAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var elapsed = new TaskCompletionSource();
        using var timer = time.CreateTimer(_ => elapsed.TrySetResult(), null, delay, Timeout.InfiniteTimeSpan);
        using var registration = cancellationToken.Register(() => elapsed.TrySetCanceled(cancellationToken));
        await elapsed.Task.ConfigureAwait(false);
    }

    private void Save(DeployJournal journal)
    {
        journal.Heartbeat = time.GetUtcNow();
        files.Write(journal);
    }

    private async Task NotifyAsync(DeployJournal journal, DeployEventKind kind, string message, Analysis.Verdict? verdict, CancellationToken cancellationToken)
    {
        var deployEvent = new DeployEvent(kind, journal.Plan.App, journal.Plan.Version, journal.StableVersion,
            journal.Plan.Strategy.ToString().ToLowerInvariant(), journal.CurrentStep, time.GetUtcNow(), message,
            verdict?.Metric, verdict?.Value, verdict?.Threshold);
        journal.Events.Add(deployEvent);
        Save(journal);
        await notifications.NotifyAsync(deployEvent, cancellationToken).ConfigureAwait(false);
    }

    internal static string DescribeWeights(DeployJournal journal) => journal.Weights.Count == 0
        ? "none yet"
        : string.Join(" ", journal.Weights.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w =>
            $"{w.Key}({(w.Key == journal.NewGroup ? journal.Plan.Version : journal.StableVersion)})={w.Value}%"));
}
