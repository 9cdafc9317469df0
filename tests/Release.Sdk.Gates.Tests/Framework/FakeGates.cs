using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Tests.Framework;

/// <summary>A gate whose behaviour the test writes: the runner's tests need gates that block, throw, hang or count.</summary>
internal sealed class DelegateGate(string name, Func<GateContext, CancellationToken, Task<GateResult>> run) : IReleaseGate
{
    public string Name { get; } = name;

    public Task<GateResult> RunAsync(GateContext context, CancellationToken cancellationToken) => run(context, cancellationToken);

    public static GateResult Result(string name, GateStatus status, string summary = "done", string? remedy = null) =>
        new(name, "command", status, summary, [], [], remedy, TimeSpan.Zero);
}

internal static class Gates
{
    public static GateDefinition Define(string name, string? group = null, bool blocking = true, TimeSpan? timeout = null) =>
        new(name, GateKinds.Command, new Dictionary<string, string>(), blocking, timeout ?? TimeSpan.FromMinutes(1), group);

    public static GateRunEnvironment Environment(string output, List<string>? log = null, IGateProcessRunner? processes = null) =>
        new(output, output, new Dictionary<string, string?>(), output, null, processes ?? new ProcessGateRunner(), line =>
        {
            if (log is null) return;
            lock (log) log.Add(line);
        });

    public static GatesOptions Options(int parallelism = 4, GatesMode mode = GatesMode.Block) =>
        GatesOptions.Default with { Parallelism = parallelism, Mode = mode };

    /// <summary>A runner whose gates are looked up by name in <paramref name="gates"/>.</summary>
    public static GateRunner Runner(IReadOnlyDictionary<string, Func<GateContext, CancellationToken, Task<GateResult>>> gates, TimeSpan? abandonGrace = null) =>
        new((_, name) => gates.TryGetValue(name, out var run) ? new DelegateGate(name, run) : null, TimeProvider.System, abandonGrace);
}
