using System.Globalization;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Gates.Framework;

/// <summary>Where and for what the gates run: the parts of <see cref="GateContext"/> shared by every gate.</summary>
/// <param name="OutputDirectory">The report's folder; each gate gets release-gates/&lt;name&gt;/ below it.</param>
internal sealed record GateRunEnvironment(
    string RepositoryRoot,
    string ProjectPath,
    IReadOnlyDictionary<string, string?> Environment,
    string OutputDirectory,
    GateRelease? Release,
    IGateProcessRunner Processes,
    Action<string> Log);

/// <summary>The results in declaration order, and the wall time of the whole run.</summary>
internal sealed record GateRunResult(IReadOnlyList<GateResult> Results, TimeSpan Duration);

/// <summary>
/// Runs the configured gates: lanes (see <see cref="GateLanes"/>) in parallel up to <see cref="GatesOptions.Parallelism"/>,
/// each gate under its own time limit. Whatever happens inside a gate — an exception, a coded settings error, a hang —
/// becomes that gate's Fail result with the reason; the other gates still run and report.
/// </summary>
/// <param name="abandonGrace">How long past its limit a gate that ignores cancellation is waited for before it is abandoned (default 10 s).</param>
internal sealed class GateRunner(Func<string, string, IReleaseGate?> createGate, TimeProvider clock, TimeSpan? abandonGrace = null)
{
    private readonly TimeSpan _abandonGrace = abandonGrace ?? TimeSpan.FromSeconds(10);

    public GateRunner()
        : this(GateCatalog.Create, TimeProvider.System)
    {
    }

    public async Task<GateRunResult> RunAsync(IReadOnlyList<GateDefinition> gates, GatesOptions options, GateRunEnvironment environment, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var results = new GateResult[gates.Count];
        var index = new Dictionary<GateDefinition, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < gates.Count; i++) index[gates[i]] = i;
        using var slots = new SemaphoreSlim(options.Parallelism);

        async Task RunLaneAsync(IReadOnlyList<GateDefinition> lane)
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                foreach (var gate in lane)
                {
                    var result = await RunOneAsync(gate, environment, cancellationToken).ConfigureAwait(false);
                    results[index[gate]] = result;
                    environment.Log(GateLine.For(result));
                }
            }
            finally
            {
                slots.Release();
            }
        }

        await Task.WhenAll(GateLanes.Plan(gates).Select(RunLaneAsync)).ConfigureAwait(false);
        return new GateRunResult(results, clock.GetElapsedTime(started));
    }

    private async Task<GateResult> RunOneAsync(GateDefinition definition, GateRunEnvironment environment, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        TimeSpan Elapsed() => clock.GetElapsedTime(started);
        var gate = createGate(definition.Kind, definition.Name);
        if (gate is null)
            return Failed(definition, Elapsed(), $"could not run: no gate of kind '{definition.Kind}'", "Set the item's Kind to a known gate kind.");

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(definition.Timeout);
        var context = new GateContext(
            environment.RepositoryRoot,
            environment.ProjectPath,
            definition.Settings,
            environment.Environment,
            Path.Combine(environment.OutputDirectory, "release-gates", FolderName(definition.Name)),
            environment.Release,
            new DeadlineProcessRunner(environment.Processes, clock.GetUtcNow() + definition.Timeout, clock.GetUtcNow),
            line => environment.Log($"  [{definition.Name}] {line}"));

        // Task.Run: a gate that blocks synchronously must not hold up the other lanes or the time limit.
        var run = Task.Run(() => gate.RunAsync(context, limit.Token), CancellationToken.None);
        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var abandon = Task.Delay(definition.Timeout + _abandonGrace, clock, stopWaiting.Token);
        var first = await Task.WhenAny(run, abandon).ConfigureAwait(false);
        await stopWaiting.CancelAsync().ConfigureAwait(false); // no timer left behind for a gate that finished in time
        if (first != run)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await limit.CancelAsync().ConfigureAwait(false);
            _ = run.ContinueWith(t => t.Exception, TaskScheduler.Default); // observed: an abandoned gate's late failure is not news
            return TimedOut(definition, Elapsed());
        }

        try
        {
            var result = await run.ConfigureAwait(false);
            return Normalize(definition, result, Elapsed());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            return TimedOut(definition, Elapsed());
        }
        catch (ReleaseException e)
        {
            return Failed(definition, Elapsed(), $"could not run: {e.Code}: {e.Message}", e.Message);
        }
#pragma warning disable CA1031 // a crashing gate is a failed gate (never a silent pass, never a crashed release run)
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Failed(definition, Elapsed(), $"the gate crashed: {e.GetType().Name}: {e.Message}",
                "This is a bug in the gate (or its tool's output surprised it): rerun with the report's findings and report it; set Enabled=false on the item to release without it.");
        }
    }

    /// <summary>
    /// The runner owns name, kind and duration (a gate cannot misreport them); a non-blocking gate's failure becomes a warning.
    /// </summary>
    private static GateResult Normalize(GateDefinition definition, GateResult result, TimeSpan elapsed)
    {
        var normalized = result with { Gate = definition.Name, Kind = definition.Kind, Duration = elapsed };
        return !definition.Blocking && normalized.Status == GateStatus.Fail
            ? normalized with { Status = GateStatus.Warn, Summary = normalized.Summary + " (Blocking=false: reported, not blocking)" }
            : normalized;
    }

    private static GateResult TimedOut(GateDefinition definition, TimeSpan elapsed) =>
        Failed(definition, elapsed,
            string.Create(CultureInfo.InvariantCulture, $"timed out after {definition.Timeout.TotalSeconds:0.#} s; its processes were stopped"),
            "Find out why the gate is slow (its folder under obj/release-gates/ has the tool's log), or raise its Timeout metadata (or ReleaseGateTimeout).");

    private static GateResult Failed(GateDefinition definition, TimeSpan elapsed, string summary, string remedy)
    {
        var result = new GateResult(definition.Name, definition.Kind, GateStatus.Fail, summary, [], [new GateFinding("gate", summary)], remedy, elapsed);
        return Normalize(definition, result, elapsed);
    }

    internal static string FolderName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return new string(name.Select(c => invalid.Contains(c) || c is '/' or '\\' or ':' ? '_' : c).ToArray());
    }
}
