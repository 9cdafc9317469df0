using Release.Sdk.Deploy.Journal;
using Release.Sdk.Deploy.Plan;
using Release.Sdk.Deploy.Ports;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Deploy.Strategy;

internal sealed partial class DeployRunner
{
    private async Task<StepOutcome> ExecuteAsync(DeployJournal journal, DeployStep step, bool promoteRequested, CancellationToken cancellationToken)
    {
        var plan = journal.Plan;
        switch (step)
        {
            case NotifyStep notify:
                await NotifyAsync(journal, notify.Kind, notify.Kind == DeployEventKind.Started
                    ? $"{plan.Strategy.ToString().ToLowerInvariant()} deploy of {plan.App} {plan.Version} started{(journal.StableVersion is { } s ? $" (replacing {s})" : " (first deploy)")}"
                    : $"{plan.App} {plan.Version} serves 100% of traffic", null, cancellationToken).ConfigureAwait(false);
                return StepOutcome.Next;
            case StartNewStep start:
                return await StartNewAsync(journal, start.Count, cancellationToken).ConfigureAwait(false);
            case MigrationStep migration:
                return await MigrateAsync(journal, migration.Command, cancellationToken).ConfigureAwait(false);
            case SmokeTestStep smoke:
                return await SmokeTestAsync(journal, smoke.Tests, cancellationToken).ConfigureAwait(false);
            case SetWeightStep weight:
                await SetNewWeightAsync(journal, weight.Percent, cancellationToken).ConfigureAwait(false);
                return StepOutcome.Next;
            case SwitchActiveStep:
                await SetNewWeightAsync(journal, 100, cancellationToken).ConfigureAwait(false);
                return StepOutcome.Next;
            case PauseStep { Duration: null } pause:
                return promoteRequested ? StepOutcome.Next : StepOutcome.Paused(pause.Reason);
            case PauseStep { Duration: { } duration }:
                if (await WaitAsync(journal, duration, promotable: true, cancellationToken).ConfigureAwait(false)) log("pause skipped: promoted");
                return StepOutcome.Next;
            case AnalyzeStep analyze:
                return await AnalyzeAsync(journal, analyze, cancellationToken).ConfigureAwait(false);
            case ReplaceBatchStep batch:
                return await ReplaceBatchAsync(journal, batch, cancellationToken).ConfigureAwait(false);
            case ScaleDownStep:
                await RetireAsync(journal, journal.InstancesOf(journal.StableGroup).ToList(), cancellationToken).ConfigureAwait(false);
                journal.Weights.Remove(journal.StableGroup);
                journal.Weights[journal.NewGroup] = 100;
                await target.Router.SetWeightsAsync(journal.Weights, cancellationToken).ConfigureAwait(false);
                return StepOutcome.Next;
            default:
                throw new InvalidOperationException($"No executor for step {step.GetType().Name}.");
        }
    }

    /// <summary>Starts the missing new instances (a resumed step starts only what is not running yet) and waits for each to be healthy.</summary>
    private async Task<StepOutcome> StartNewAsync(DeployJournal journal, int count, CancellationToken cancellationToken)
    {
        while (journal.InstancesOf(journal.NewGroup).Count() < count)
        {
            var failure = await StartInstanceAsync(journal, journal.NewGroup, journal.Plan.Version, journal.Plan.PublishDirectory, cancellationToken).ConfigureAwait(false);
            if (failure is not null) return StepOutcome.Failed(failure, DiagnosticCatalog.DeployRolledBack);
        }
        return StepOutcome.Next;
    }

    /// <summary>Starts one instance, records it before waiting for health (so a crash leaves it known), adds it to the router with no traffic.</summary>
    private async Task<string?> StartInstanceAsync(DeployJournal journal, string group, string version, string publishDirectory, CancellationToken cancellationToken)
    {
        var instance = await target.Workload.StartAsync(group, version, publishDirectory, cancellationToken).ConfigureAwait(false);
        journal.Instances.Add(instance);
        Save(journal);
        try
        {
            await target.Router.AddAsync(instance, journal.Plan.HealthTimeout, cancellationToken).ConfigureAwait(false);
            log($"instance {instance.Name} ({version}) healthy at {instance.BaseAddress}");
            return null;
        }
        catch (ReleaseException e)
        {
            await StopInstanceAsync(journal, instance, drain: false, cancellationToken).ConfigureAwait(false);
            return $"instance {instance.Name} of {version} did not become healthy within {Durations.Format(journal.Plan.HealthTimeout)} ({e.Code}: {e.Message})";
        }
    }

    private async Task<StepOutcome> MigrateAsync(DeployJournal journal, string command, CancellationToken cancellationToken)
    {
        if (journal.CompletedHooks.Contains("migration"))
        {
            log("migration already ran for this deploy; not running it again");
            return StepOutcome.Next;
        }
        var environment = new Dictionary<string, string>
        {
            ["RELEASE_DEPLOY_VERSION"] = journal.Plan.Version,
            ["RELEASE_DEPLOY_PREVIOUS_VERSION"] = journal.StableVersion ?? "",
        };
        var result = await hooks.RunCommandAsync(command, environment, journal.Plan.Hooks.Timeout, cancellationToken).ConfigureAwait(false);
        log($"migration: {result.Detail}");
        if (!result.Passed) return StepOutcome.Failed($"migration failed: {result.Detail}", DiagnosticCatalog.DeployHookFailed);
        journal.CompletedHooks.Add("migration");
        return StepOutcome.Next;
    }

    private async Task<StepOutcome> SmokeTestAsync(DeployJournal journal, IReadOnlyList<SmokeTest> tests, CancellationToken cancellationToken)
    {
        foreach (var instance in journal.InstancesOf(journal.NewGroup).ToList())
            foreach (var test in tests)
            {
                var result = await hooks.SmokeTestAsync(test, instance, journal.Plan.Hooks.Timeout, cancellationToken).ConfigureAwait(false);
                log($"smoke test on {instance.Name}: {(result.Passed ? "passed" : "FAILED")} — {result.Detail}");
                if (!result.Passed) return StepOutcome.Failed($"smoke test {test.Describe()} failed on {instance.Name}: {result.Detail}", DiagnosticCatalog.DeployHookFailed);
            }
        return StepOutcome.Next;
    }

    private async Task SetNewWeightAsync(DeployJournal journal, int percent, CancellationToken cancellationToken)
    {
        var weights = new Dictionary<string, int>(StringComparer.Ordinal) { [journal.NewGroup] = percent };
        if (journal.InstancesOf(journal.StableGroup).Any()) weights[journal.StableGroup] = 100 - percent;
        else weights[journal.NewGroup] = 100; // nothing else to send traffic to
        await target.Router.SetWeightsAsync(weights, cancellationToken).ConfigureAwait(false);
        journal.Weights.Clear();
        foreach (var (group, weight) in weights) journal.Weights[group] = weight;
        Save(journal);
    }

    /// <summary>
    /// One rolling batch: start the batch's new instances (failed starts count towards the circuit breaker), smoke-test
    /// the first batch, move traffic in proportion to the instance counts, then retire the old instances the batch replaces.
    /// </summary>
    private async Task<StepOutcome> ReplaceBatchAsync(DeployJournal journal, ReplaceBatchStep batch, CancellationToken cancellationToken)
    {
        var plan = journal.Plan;
        while (journal.InstancesOf(journal.NewGroup).Count() < batch.NewTotal)
        {
            if (time.GetUtcNow() - journal.StartedAt > plan.Rolling.Deadline)
                return StepOutcome.Failed($"the rolling deploy passed its {Durations.Format(plan.Rolling.Deadline)} deadline (ReleaseDeployRollingDeadline)", DiagnosticCatalog.DeployDeadlineExceeded);
            var failure = await StartInstanceAsync(journal, journal.NewGroup, plan.Version, plan.PublishDirectory, cancellationToken).ConfigureAwait(false);
            if (failure is null) continue;
            journal.FailedStarts++;
            log($"{failure} — circuit breaker {journal.FailedStarts}/{plan.Rolling.CircuitBreakerFailures}");
            if (journal.FailedStarts >= plan.Rolling.CircuitBreakerFailures)
                return StepOutcome.Failed($"circuit breaker: {journal.FailedStarts} instance(s) failed to start (last: {failure})", DiagnosticCatalog.DeployRolledBack);
        }
        if (batch.RunSmokeTests)
        {
            var smoke = await SmokeTestAsync(journal, plan.Hooks.SmokeTests, cancellationToken).ConfigureAwait(false);
            if (smoke.Result != StepResult.Next) return smoke;
        }
        var newCount = journal.InstancesOf(journal.NewGroup).Count();
        var newPercent = batch.OldRemaining == 0 ? 100 : (int)Math.Round(100.0 * newCount / (newCount + batch.OldRemaining));
        await SetNewWeightAsync(journal, newPercent, cancellationToken).ConfigureAwait(false);
        var retiring = journal.InstancesOf(journal.StableGroup).Skip(batch.OldRemaining).ToList();
        await RetireAsync(journal, retiring, cancellationToken).ConfigureAwait(false);
        if (batch.OldRemaining == 0 && journal.Weights.Remove(journal.StableGroup))
            await target.Router.SetWeightsAsync(journal.Weights, cancellationToken).ConfigureAwait(false);
        return StepOutcome.Next;
    }

    private async Task RetireAsync(DeployJournal journal, IReadOnlyList<BackendInstance> instances, CancellationToken cancellationToken)
    {
        foreach (var instance in instances)
            await StopInstanceAsync(journal, instance, drain: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drain (in-flight requests finish), remove from the router, stop the process, forget it. Errors are logged, never half-done silently.</summary>
    private async Task StopInstanceAsync(DeployJournal journal, BackendInstance instance, bool drain, CancellationToken cancellationToken)
    {
        try
        {
            if (drain) await target.Router.DrainAsync(instance.Name, journal.Plan.DrainTimeout, cancellationToken).ConfigureAwait(false);
            await target.Router.RemoveAsync(instance.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (ReleaseException e)
        {
            log($"router: removing {instance.Name} failed ({e.Code}: {e.Message}); stopping it anyway");
        }
        await target.Workload.StopAsync(instance.Name, cancellationToken).ConfigureAwait(false);
        journal.Instances.RemoveAll(i => i.Name == instance.Name);
        Save(journal);
        log($"instance {instance.Name} ({instance.Version}) stopped");
    }
}
