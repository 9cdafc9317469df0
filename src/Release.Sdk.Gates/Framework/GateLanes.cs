namespace Release.Sdk.Gates.Framework;

/// <summary>
/// Splits gates into lanes that may run at the same time: gates in one <see cref="GateDefinition.ExclusiveGroup"/>
/// share a lane and run one after another in declaration order (they build the same project: see
/// <see cref="GateMetadata.ProjectBuildGroup"/>); every other gate is a lane of its own.
/// </summary>
internal static class GateLanes
{
    public static IReadOnlyList<IReadOnlyList<GateDefinition>> Plan(IEnumerable<GateDefinition> gates)
    {
        var lanes = new List<List<GateDefinition>>();
        var byGroup = new Dictionary<string, List<GateDefinition>>(StringComparer.OrdinalIgnoreCase);
        foreach (var gate in gates)
        {
            if (gate.ExclusiveGroup is null)
            {
                lanes.Add([gate]);
            }
            else if (byGroup.TryGetValue(gate.ExclusiveGroup, out var lane))
            {
                lane.Add(gate);
            }
            else
            {
                byGroup[gate.ExclusiveGroup] = lane = [gate];
                lanes.Add(lane);
            }
        }
        // Longest lanes first: they bound the total time, so they should not wait for a free slot behind short ones.
        return lanes.OrderByDescending(lane => lane.Count).ToList();
    }
}
