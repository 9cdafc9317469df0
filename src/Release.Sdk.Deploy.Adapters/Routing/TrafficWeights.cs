using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Deploy.Adapters.Routing;

/// <summary>Checks ITrafficRouter.SetWeightsAsync's argument the same way for every router.</summary>
internal static class TrafficWeights
{
    public static void Validate(IReadOnlyDictionary<string, int> percentByGroup)
    {
        if (percentByGroup.Count == 0 || percentByGroup.Values.Any(p => p is < 0 or > 100) || percentByGroup.Values.Sum() != 100)
            throw new ReleaseException(DiagnosticCatalog.InvalidTrafficWeights,
                $"Traffic weights {Describe(percentByGroup)} are not whole percents 0-100 summing to 100. Give every version group its percent, e.g. stable=90 canary=10.");
        foreach (var group in percentByGroup.Keys)
            if (group.Length is 0 or > 100 || !group.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
                throw new ReleaseException(DiagnosticCatalog.InvalidTrafficWeights,
                    $"The version group name '{group}' may only use letters, digits, '.', '_' and '-' (1-100 characters).");
    }

    public static string Describe(IReadOnlyDictionary<string, int> percentByGroup) =>
        "{" + string.Join(", ", percentByGroup.Select(kv => $"{kv.Key}={kv.Value}")) + "}";
}
