using Release.Sdk.Deploy.Journal;
using Release.Sdk.Deploy.Plan;

namespace Release.Sdk.Deploy.Strategy;

/// <summary>
/// Turns a plan into its steps. Deterministic (the journal keeps only the step index, and a resumed deploy rebuilds the
/// same list). A first deploy — nothing running to compare with or fall back to — starts the new version at 100 %.
/// </summary>
internal static class StrategyBuilder
{
    public static IReadOnlyList<DeployStep> Build(DeployPlan plan, int stableInstances)
    {
        var steps = new List<DeployStep> { new NotifyStep(DeployEventKind.Started) };
        if (stableInstances == 0)
        {
            steps.Add(new StartNewStep(plan.Instances));
            AddPreTrafficHooks(plan, steps);
            steps.Add(new SetWeightStep(100));
        }
        else
        {
            switch (plan.Strategy)
            {
                case DeployStrategyKind.Canary: AddCanary(plan, steps); break;
                case DeployStrategyKind.BlueGreen: AddBlueGreen(plan, steps); break;
                default: AddRolling(plan, stableInstances, steps); break;
            }
        }
        steps.Add(new NotifyStep(DeployEventKind.Completed));
        return steps;
    }

    private static void AddPreTrafficHooks(DeployPlan plan, List<DeployStep> steps)
    {
        if (plan.Hooks.MigrationCommand is { } migration) steps.Add(new MigrationStep(migration));
        if (plan.Hooks.SmokeTests.Count > 0) steps.Add(new SmokeTestStep(plan.Hooks.SmokeTests));
    }

    /// <summary>Seed: 10 % and 5 min of analysis, then 25/50/75/100 % with 3 min each; the stable version stays up until the end.</summary>
    private static void AddCanary(DeployPlan plan, List<DeployStep> steps)
    {
        steps.Add(new StartNewStep(plan.Instances));
        AddPreTrafficHooks(plan, steps);
        var weights = plan.Canary.Weights;
        for (var i = 0; i < weights.Count; i++)
        {
            if (weights[i] == 100 && plan.Hooks.Confirmation is { } confirm) steps.Add(new PauseStep(null, confirm));
            steps.Add(new SetWeightStep(weights[i]));
            var duration = i == 0 ? plan.Canary.FirstAnalysis : plan.Canary.StepAnalysis;
            if (duration > TimeSpan.Zero) steps.Add(new AnalyzeStep(duration, Compare: weights[i] < 100));
            if (plan.Canary.PauseAfter.Contains(weights[i])) steps.Add(new PauseStep(null, $"promote after {weights[i]}%"));
        }
        steps.Add(new ScaleDownStep());
    }

    /// <summary>Seed: green beside blue, health wait, smoke tests, switch, monitor (roll back to blue on trouble), clean up blue.</summary>
    private static void AddBlueGreen(DeployPlan plan, List<DeployStep> steps)
    {
        steps.Add(new StartNewStep(plan.Instances));
        AddPreTrafficHooks(plan, steps);
        if (plan.Hooks.Confirmation is { } confirm) steps.Add(new PauseStep(null, confirm));
        steps.Add(new SwitchActiveStep());
        if (plan.BlueGreen.Monitor > TimeSpan.Zero) steps.Add(new AnalyzeStep(plan.BlueGreen.Monitor, Compare: false));
        steps.Add(new ScaleDownStep());
    }

    /// <summary>
    /// ECS semantics: maximumPercent caps the instances running at once, minimumHealthyPercent floors the healthy ones.
    /// With surge room the batch is started before the old instances go (no capacity lost); without it, the batch is
    /// the number that may be unavailable.
    /// </summary>
    private static void AddRolling(DeployPlan plan, int stableInstances, List<DeployStep> steps)
    {
        if (plan.Hooks.MigrationCommand is { } migration) steps.Add(new MigrationStep(migration));
        var batch = BatchSize(plan.Instances, plan.Rolling.MaxPercent, plan.Rolling.MinHealthyPercent);
        int started = 0, oldLeft = stableInstances, number = 1;
        while (started < plan.Instances || oldLeft > 0)
        {
            var count = Math.Min(batch, plan.Instances - started);
            started += count;
            // Retire old instances in step with the new ones; the last batch retires whatever is left.
            oldLeft = started >= plan.Instances ? 0 : Math.Max(0, oldLeft - Math.Max(count, 1));
            steps.Add(new ReplaceBatchStep(number, count, started, oldLeft, RunSmokeTests: number == 1 && plan.Hooks.SmokeTests.Count > 0));
            if (plan.Rolling.BatchAnalysis > TimeSpan.Zero) steps.Add(new AnalyzeStep(plan.Rolling.BatchAnalysis, Compare: false));
            number++;
        }
    }

    public static int BatchSize(int desired, int maxPercent, int minHealthyPercent)
    {
        var surge = (int)Math.Floor(desired * (maxPercent - 100) / 100.0);
        var unavailable = desired - (int)Math.Ceiling(desired * minHealthyPercent / 100.0);
        return Math.Max(1, surge > 0 ? surge : unavailable);
    }
}
