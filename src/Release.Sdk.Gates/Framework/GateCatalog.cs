namespace Release.Sdk.Gates.Framework;

/// <summary>
/// The gate kinds Release.Sdk knows: kind → factory taking the gate's name (the ReleaseGate item's Include).
/// One line per kind; each built-in gate's author owns its line (the placeholder comments mark the slots, one unchanged
/// line apart so parallel branches merge without conflicts). Write the type namespace-qualified (new Coverage.CoverageGate(name))
/// so no using directive is needed at the top of the file.
/// </summary>
internal static class GateCatalog
{
    private static readonly Dictionary<string, Func<string, IReleaseGate>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        // — gates-core —
        [GateKinds.Command] = name => new Command.CommandGate(name),
        [GateKinds.Docs] = name => new Docs.DocsGate(name),
        // — gates-build: replace each slot comment with its line —
        [GateKinds.Coverage] = name => new Coverage.CoverageGate(name),
        [GateKinds.Security] = name => new Security.SecurityGate(name),
        [GateKinds.Vulnerable] = name => new Vulnerable.VulnerableDependenciesGate(name),
        [GateKinds.Container] = name => new Container.ContainerImageGate(name),
        // — gates-analysis: replace each slot comment with its line —
        [GateKinds.Benchmark] = name => new Benchmark.BenchmarkGate(name),
        [GateKinds.ApiCompat] = name => new ApiCompat.ApiCompatGate(name),
        [GateKinds.EfMigrations] = name => new EfMigrations.EfMigrationsGate(name),
        // — end of built-in gates —
    };

    public static IReadOnlyCollection<string> Kinds => Factories.Keys;

    public static bool IsKnown(string kind) => Factories.ContainsKey(kind);

    /// <summary>Creates the gate of <paramref name="kind"/> named <paramref name="name"/>, or null for an unknown kind.</summary>
    public static IReleaseGate? Create(string kind, string name) =>
        Factories.TryGetValue(kind, out var create) ? create(name) : null;
}
