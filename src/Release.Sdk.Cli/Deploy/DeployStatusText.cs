using System.Text.Json;
using Release.Sdk.Deploy.Journal;
using Release.Sdk.Deploy.Strategy;

namespace Release.Sdk.Cli.Deploy;

/// <summary>'deploy status': where the deploy is, who drives it (alive or not), the weights and the latest verdicts.</summary>
internal static class DeployStatusText
{
    public static void Write(TextWriter output, JournalFiles files, DeployJournal journal, DateTimeOffset now, bool asJson)
    {
        if (asJson)
        {
            output.WriteLine(JsonSerializer.Serialize(journal, JournalFiles.Json));
            return;
        }
        var orphaned = journal.InFlight && DeployLock.IsFree(files);
        output.WriteLine($"deploy {journal.Id}: {journal.Status.ToString().ToLowerInvariant()}{(orphaned ? " — INTERRUPTED" : "")}");
        output.WriteLine($"  {journal.Plan.Strategy.ToString().ToLowerInvariant()} of {journal.Plan.App}: {journal.StableVersion ?? "(nothing live)"} → {journal.Plan.Version} on {journal.Plan.Target}");
        output.WriteLine($"  step {Math.Min(journal.StepIndex + 1, journal.Steps.Count)}/{journal.Steps.Count}: {journal.CurrentStep}");
        output.WriteLine($"  weights: {DeployRunner.DescribeWeights(journal)}");
        output.WriteLine($"  instances: {string.Join(", ", journal.Instances.Select(i => $"{i.Name} ({i.Version}, {i.BaseAddress})"))}");
        if (journal.PauseReason is { } pause) output.WriteLine($"  paused: {pause} — 'dotnet-release deploy promote' goes on, 'deploy abort' rolls back");
        if (journal.Outcome is { } outcome) output.WriteLine($"  outcome: {outcome}");
        var age = now - journal.Heartbeat;
        if (journal.InFlight)
            output.WriteLine(orphaned
                ? $"  driving process {journal.OwnerPid} is gone (last heartbeat {age.TotalSeconds:0} s ago): run 'dotnet-release deploy retry' to resume or 'deploy rollback'"
                : $"  driven by process {journal.OwnerPid} (heartbeat {age.TotalSeconds:0} s ago)");
        foreach (var verdict in journal.Verdicts.TakeLast(6)) output.WriteLine($"  verdict: {verdict.Describe()}");
        if (File.Exists(files.TimelinePath)) output.WriteLine($"  timeline: {files.TimelinePath}");
    }
}
