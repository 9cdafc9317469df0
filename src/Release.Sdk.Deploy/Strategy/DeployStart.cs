using Release.Sdk.Deploy.Journal;
using Release.Sdk.Deploy.Plan;
using Release.Sdk.Deploy.Ports;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Deploy.Strategy;

/// <summary>
/// Creates the journal of a new deploy from the previous one (which version is live, in which router group) and the
/// instances the workload reports. Refuses while the previous deploy is in flight: it must be finished, retried or
/// rolled back first, so a deploy is never started on top of a half-switched router.
/// </summary>
internal static class DeployStart
{
    public const string Blue = "blue";
    public const string Green = "green";

    public static DeployJournal Create(DeployPlan plan, DeployJournal? previous, IReadOnlyList<BackendInstance> running, DateTimeOffset now)
    {
        if (previous is { InFlight: true })
            throw new ReleaseException(DiagnosticCatalog.DeployInterrupted,
                $"The deploy of {previous.Plan.Version} (pid {previous.OwnerPid}, last heartbeat {previous.Heartbeat:u}) stopped at '{previous.CurrentStep}' without finishing. Run 'dotnet-release deploy retry' to resume it or 'dotnet-release deploy rollback' to return to {previous.StableVersion ?? "nothing"}, then deploy again.");

        // The live version: the previous deploy's new version if it completed, its stable version if it was rolled back.
        var (liveGroup, liveVersion, livePlan) = previous switch
        {
            null => (Green, (string?)null, (DeployPlan?)null),
            { Status: DeployStatus.Completed } p => (p.NewGroup, p.Plan.Version, p.Plan),
            var p => (p.StableGroup, p.StableVersion, p.StablePlan),
        };
        var liveInstances = running.Where(i => i.Group == liveGroup).ToList();
        var newGroup = liveGroup == Blue ? Green : Blue;
        return new DeployJournal
        {
            Id = $"{plan.App}-{plan.Version}-{now:yyyyMMddHHmmss}",
            Plan = plan,
            NewGroup = newGroup,
            StableGroup = liveGroup,
            StableVersion = liveInstances.Count > 0 ? liveVersion ?? liveInstances[0].Version : null,
            StablePublishDirectory = liveInstances.Count > 0 ? livePlan?.PublishDirectory : null,
            StablePlan = liveInstances.Count > 0 ? livePlan : null,
            StableInstanceCount = liveInstances.Count,
            Instances = [.. liveInstances],
            Weights = liveInstances.Count > 0 ? new(StringComparer.Ordinal) { [liveGroup] = 100 } : new(StringComparer.Ordinal),
            StartedAt = now,
            Heartbeat = now,
            StepStartedAt = now,
            OwnerPid = Environment.ProcessId,
        };
    }

    /// <summary>Instances of the group the new deploy will use that still run (left by a crash mid-rollback): stopped before starting.</summary>
    public static IReadOnlyList<BackendInstance> Leftovers(DeployJournal journal, IReadOnlyList<BackendInstance> running) =>
        running.Where(i => i.Group == journal.NewGroup).ToList();
}
