using Release.Sdk.Cli.Output;
using Release.Sdk.Deploy.Hooks;
using Release.Sdk.Deploy.Journal;
using Release.Sdk.Deploy.Plan;
using Release.Sdk.Deploy.Strategy;
using Release.Sdk.Deploy.Targets;
using Release.Sdk.Deploy.Timeline;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Cli.Deploy;

/// <summary>
/// What each 'deploy' subcommand does against a state directory. Every operation that changes the router or the
/// instances takes the deploy lock first; with a live owner, promote/abort go through control requests instead.
/// </summary>
internal sealed class DeployOperations(CliContext context, JournalFiles files, IDeployTargetFactory targets, HttpClient http)
{
    private static TimeProvider Clock => TimeProvider.System;

    public async Task<int> RunAsync(DeployPlan plan, CancellationToken cancellationToken)
    {
        using var held = DeployLock.Acquire(files, files.TryRead());
        var previous = files.TryRead();
        var previousLive = previous is null ? null : previous.Status == DeployStatus.Completed ? previous.Plan : previous.StablePlan;
        await using var target = await targets.OpenAsync(plan, previousLive, files.Directory, cancellationToken).ConfigureAwait(false);
        var running = await target.Workload.ListAsync(cancellationToken).ConfigureAwait(false);
        var journal = DeployStart.Create(plan, previous, running, Clock.GetUtcNow());
        foreach (var leftover in DeployStart.Leftovers(journal, running))
        {
            context.Out.WriteLine($"stopping leftover instance {leftover.Name} ({leftover.Version})");
            await target.Router.RemoveAsync(leftover.Name, cancellationToken).ConfigureAwait(false);
            await target.Workload.StopAsync(leftover.Name, cancellationToken).ConfigureAwait(false);
        }
        if (previous is not null) files.Archive(previous);
        files.Write(journal);
        context.Out.WriteLine($"deploy {journal.Id}: {plan.Strategy.ToString().ToLowerInvariant()} {journal.StableVersion ?? "(nothing live)"} → {plan.Version} on {plan.Target}{(target.PublicAddress is { } a ? $" at {a}" : "")}; state in {files.Directory}");
        return await DriveAsync(target, journal, plan.Monitor.After, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> RetryAsync(CancellationToken cancellationToken)
    {
        var journal = files.Read();
        if (journal.Status == DeployStatus.RolledBack)
        {
            context.Out.WriteLine($"retrying the rolled-back deploy of {journal.Plan.Version} from the start");
            return await RunAsync(journal.Plan, cancellationToken).ConfigureAwait(false);
        }
        if (!journal.InFlight) return NothingInFlight(journal, "retry");
        using var held = DeployLock.Acquire(files, journal);
        journal = files.Read();
        context.Out.WriteLine($"resuming the deploy of {journal.Plan.Version} at '{journal.CurrentStep}' (its process {journal.OwnerPid} is gone)");
        await using var target = await targets.OpenAsync(journal.Plan, journal.StablePlan, files.Directory, cancellationToken).ConfigureAwait(false);
        return await DriveAsync(target, journal, journal.Plan.Monitor.After, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>abort and rollback: through the live owner when there is one, else directly from the journal.</summary>
    public async Task<int> RollbackAsync(string reason, CancellationToken cancellationToken)
    {
        var journal = files.Read();
        var completedWithPrevious = journal.Status == DeployStatus.Completed && journal.StablePublishDirectory is not null;
        if (!journal.InFlight && !completedWithPrevious) return NothingInFlight(journal, "roll back");
        using (var held = DeployLock.TryAcquire(files))
        {
            if (held is not null)
            {
                journal = files.Read();
                await using var target = await targets.OpenAsync(journal.Plan, journal.StablePlan, files.Directory, cancellationToken).ConfigureAwait(false);
                if (journal.Status == DeployStatus.Completed) journal.Status = DeployStatus.Running; // the previous version is restarted, then this one retired
                journal = await Runner(target, journal.Plan).RollbackAsync(journal, reason, null, cancellationToken).ConfigureAwait(false);
                WriteTimeline(journal);
                return ExitCodes.Success;
            }
        }
        ControlRequests.Post(files, new ControlRequest(false, reason, Clock.GetUtcNow()));
        context.Out.WriteLine($"abort requested from the driving process (pid {journal.OwnerPid}); waiting for the rollback");
        var deadline = Clock.GetUtcNow() + journal.Plan.DrainTimeout + TimeSpan.FromMinutes(1);
        while (Clock.GetUtcNow() < deadline)
        {
            await Task.Delay(journal.Plan.PollInterval, cancellationToken).ConfigureAwait(false);
            journal = files.Read();
            if (!journal.InFlight)
            {
                context.Out.WriteLine($"{journal.Status.ToString().ToLowerInvariant()}: {journal.Outcome}");
                return ExitCodes.Success;
            }
        }
        context.Out.WriteLine("the driving process has not rolled back yet; check 'dotnet-release deploy status'");
        return ExitCodes.Error;
    }

    public int Promote()
    {
        var journal = files.Read();
        if (!journal.InFlight) return NothingInFlight(journal, "promote");
        if (DeployLock.IsFree(files))
            throw new ReleaseException(DiagnosticCatalog.DeployInterrupted, $"The process driving the deploy of {journal.Plan.Version} (pid {journal.OwnerPid}) is gone. Run 'dotnet-release deploy retry' to resume it (then promote) or 'deploy rollback'.");
        if (journal.Status != DeployStatus.Paused)
        {
            DiagnosticWriter.WriteAll(context.Error, [new Diagnostic(DiagnosticCatalog.NothingInFlight, $"Nothing to promote: the deploy is at '{journal.CurrentStep}', not paused. Promote works on a paused deploy ('dotnet-release deploy status' shows it).")]);
            return ExitCodes.Success;
        }
        ControlRequests.Post(files, new ControlRequest(true, null, Clock.GetUtcNow()));
        context.Out.WriteLine($"promote requested: the deploy goes on past '{journal.CurrentStep}' ({journal.PauseReason})");
        return ExitCodes.Success;
    }

    public async Task<int> MonitorAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var journal = files.Read();
        if (journal.InFlight)
            throw new ReleaseException(DiagnosticCatalog.DeployLocked, $"The deploy of {journal.Plan.Version} is still in flight; monitor after it completed (or set ReleaseDeployMonitorAfter to monitor as part of it).");
        using var held = DeployLock.Acquire(files, journal);
        await using var target = await targets.OpenAsync(journal.Plan, journal.StablePlan, files.Directory, cancellationToken).ConfigureAwait(false);
        return await MonitorAsync(target, journal, duration, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> DownAsync(DeployPlan? plan, CancellationToken cancellationToken)
    {
        var journal = files.TryRead();
        using var held = DeployLock.Acquire(files, journal);
        var targetPlan = plan ?? journal?.Plan ?? throw new ReleaseException(DiagnosticCatalog.NoDeployJournal, $"No deploy journal in '{files.Directory}' to tell which target to stop. Pass --plan or the --state-dir the deploy used.");
        await targets.DownAsync(targetPlan, files.Directory, cancellationToken).ConfigureAwait(false);
        context.Out.WriteLine($"stopped every instance and the {targetPlan.Target} router of {files.Directory}");
        return ExitCodes.Success;
    }

    private async Task<int> DriveAsync(DeployTarget target, DeployJournal journal, TimeSpan monitorAfter, CancellationToken cancellationToken)
    {
        var runner = Runner(target, journal.Plan);
        journal = await runner.RunAsync(journal, cancellationToken).ConfigureAwait(false);
        WriteTimeline(journal);
        if (journal.Status == DeployStatus.RolledBack)
            throw new ReleaseException(DiagnosticCatalog.All.FirstOrDefault(d => d.Code == journal.OutcomeCode) ?? DiagnosticCatalog.DeployRolledBack, $"The deploy of {journal.Plan.Version} was rolled back: {journal.Outcome}. {journal.StableVersion ?? "Nothing"} serves the traffic; the verdicts are in {files.JournalPath} and {files.TimelinePath}. Fix the release and deploy again, or 'dotnet-release deploy retry' to try the same version again.");
        if (monitorAfter > TimeSpan.Zero) return await MonitorAsync(target, journal, monitorAfter, cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private async Task<int> MonitorAsync(DeployTarget target, DeployJournal journal, TimeSpan duration, CancellationToken cancellationToken)
    {
        var tripped = await Runner(target, journal.Plan).MonitorAsync(journal, duration, cancellationToken).ConfigureAwait(false);
        WriteTimeline(journal);
        if (tripped is null) return ExitCodes.Success;
        throw new ReleaseException(DiagnosticCatalog.MonitorTripped, $"Post-release monitoring: {tripped.Describe()}. {(journal.Status == DeployStatus.RolledBack ? $"Rolled back to {journal.StableVersion}." : "No previous version to roll back to: alert raised.")}");
    }

    private DeployRunner Runner(DeployTarget target, DeployPlan plan) =>
        new(target, files, Clock, new HookRunner(http), DeployNotificationSinks.Create(context.Out, plan, context.Environment), line => context.Out.WriteLine(line));

    private void WriteTimeline(DeployJournal journal)
    {
        files.WriteAtomically(files.TimelinePath, TimelineSvg.Render(journal));
        context.Out.WriteLine($"timeline: {files.TimelinePath}");
    }

    private int NothingInFlight(DeployJournal journal, string action)
    {
        DiagnosticWriter.WriteAll(context.Error, [new Diagnostic(DiagnosticCatalog.NothingInFlight, $"Nothing to {action}: the deploy of {journal.Plan.Version} is {journal.Status.ToString().ToLowerInvariant()} ({journal.Outcome}). Start a new deploy to change what runs.")]);
        return ExitCodes.Success;
    }
}
