using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Tests.Framework;

public sealed class GateRunnerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Independent_gates_run_at_the_same_time()
    {
        using var dir = new TempDirectory();
        // Each gate waits until the other has started: serially, the first would wait out its time limit and fail.
        var aStarted = new TaskCompletionSource();
        var bStarted = new TaskCompletionSource();
        var runner = Gates.Runner(new Dictionary<string, Func<GateContext, CancellationToken, Task<GateResult>>>
        {
            ["a"] = async (_, ct) => { aStarted.SetResult(); await bStarted.Task.WaitAsync(ct); return DelegateGate.Result("a", GateStatus.Pass); },
            ["b"] = async (_, ct) => { bStarted.SetResult(); await aStarted.Task.WaitAsync(ct); return DelegateGate.Result("b", GateStatus.Pass); },
        });

        var run = await runner.RunAsync([Gates.Define("a", timeout: Patience), Gates.Define("b", timeout: Patience)], Gates.Options(parallelism: 2), Gates.Environment(dir.Path), default);

        Assert.All(run.Results, r => Assert.Equal(GateStatus.Pass, r.Status));
    }

    [Theory]
    [InlineData(1, null, 1)]
    [InlineData(2, null, 2)]
    [InlineData(4, "project-build", 1)]
    public async Task Parallelism_and_exclusive_groups_bound_how_many_gates_run_at_once(int parallelism, string? group, int expectedMax)
    {
        using var dir = new TempDirectory();
        var running = 0;
        var maxRunning = 0;
        async Task<GateResult> Counted(string name, CancellationToken ct)
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxRunning, now);
            await Task.Delay(150, ct); // long enough for the others to start if the runner lets them
            Interlocked.Decrement(ref running);
            return DelegateGate.Result(name, GateStatus.Pass);
        }
        var names = new[] { "g1", "g2", "g3", "g4" };
        var runner = Gates.Runner(names.ToDictionary(n => n, n => (Func<GateContext, CancellationToken, Task<GateResult>>)((_, ct) => Counted(n, ct))));

        var run = await runner.RunAsync(names.Select(n => Gates.Define(n, group)).ToList(), Gates.Options(parallelism), Gates.Environment(dir.Path), default);

        Assert.Equal(names, run.Results.Select(r => r.Gate)); // declaration order, whatever the finishing order
        Assert.True(maxRunning <= expectedMax, $"{maxRunning} gates ran at once; at most {expectedMax} allowed");
    }

    [Fact]
    public void Lanes_put_a_group_in_one_lane_and_every_other_gate_in_its_own()
    {
        var lanes = GateLanes.Plan([Gates.Define("coverage", "build"), Gates.Define("docs"), Gates.Define("security", "build"), Gates.Define("lint")]);

        Assert.Equal(["coverage+security", "docs", "lint"], lanes.Select(l => string.Join('+', l.Select(g => g.Name))));
    }

    [Fact]
    public async Task A_gate_past_its_time_limit_fails_with_the_reason_and_the_others_still_report()
    {
        using var dir = new TempDirectory();
        var runner = Gates.Runner(new Dictionary<string, Func<GateContext, CancellationToken, Task<GateResult>>>
        {
            ["slow"] = async (_, ct) => { await Task.Delay(Timeout.Infinite, ct); return DelegateGate.Result("slow", GateStatus.Pass); },
            ["fast"] = (_, _) => Task.FromResult(DelegateGate.Result("fast", GateStatus.Pass)),
        });

        var run = await runner.RunAsync([Gates.Define("slow", timeout: TimeSpan.FromMilliseconds(300)), Gates.Define("fast")], Gates.Options(), Gates.Environment(dir.Path), default);

        Assert.Equal(GateStatus.Fail, run.Results[0].Status);
        Assert.Contains("timed out after 0.3 s", run.Results[0].Summary, StringComparison.Ordinal);
        Assert.Contains("Timeout", run.Results[0].Remedy, StringComparison.Ordinal);
        Assert.Equal(GateStatus.Pass, run.Results[1].Status);
    }

    [Fact]
    public async Task A_gate_that_ignores_cancellation_is_abandoned_and_fails()
    {
        using var dir = new TempDirectory();
        using var release = new ManualResetEventSlim();
        var runner = Gates.Runner(new Dictionary<string, Func<GateContext, CancellationToken, Task<GateResult>>>
        {
            ["stuck"] = (_, _) => { release.Wait(Patience); return Task.FromResult(DelegateGate.Result("stuck", GateStatus.Pass)); },
        }, abandonGrace: TimeSpan.FromMilliseconds(200));

        var run = await runner.RunAsync([Gates.Define("stuck", timeout: TimeSpan.FromMilliseconds(200))], Gates.Options(), Gates.Environment(dir.Path), default);
        release.Set();

        Assert.Equal(GateStatus.Fail, run.Results[0].Status);
        Assert.Contains("timed out", run.Results[0].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_process_runner_a_gate_gets_holds_tools_to_the_gate_limit()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        var runner = Gates.Runner(new Dictionary<string, Func<GateContext, CancellationToken, Task<GateResult>>>
        {
            // The gate asks for no limit; the runner's deadline still stops the tool, and the gate reports what it saw.
            ["tool"] = async (context, ct) =>
            {
                var result = await context.Processes.RunAsync("/bin/sh", ["-c", "sleep 60"], context.RepositoryRoot, null, Timeout.InfiniteTimeSpan, ct);
                return DelegateGate.Result("tool", result.TimedOut ? GateStatus.Fail : GateStatus.Pass, result.TimedOut ? "tool timed out" : "tool finished");
            },
        });

        var run = await runner.RunAsync([Gates.Define("tool", timeout: TimeSpan.FromMilliseconds(500))], Gates.Options(), Gates.Environment(dir.Path), default);

        Assert.Equal(GateStatus.Fail, run.Results[0].Status);
        Assert.Contains("timed out", run.Results[0].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gate_that_throws_fails_with_the_exception_as_reason()
    {
        using var dir = new TempDirectory();
        var runner = Gates.Runner(new Dictionary<string, Func<GateContext, CancellationToken, Task<GateResult>>>
        {
            ["crash"] = (_, _) => throw new InvalidOperationException("cobertura.xml has no <coverage> element"),
            ["coded"] = (_, _) => throw new Release.Sdk.Engine.Diagnostics.ReleaseException(Release.Sdk.Engine.Diagnostics.DiagnosticCatalog.GateSettingInvalid, "Threshold='high' is not a number."),
        });

        var run = await runner.RunAsync([Gates.Define("crash"), Gates.Define("coded")], Gates.Options(), Gates.Environment(dir.Path), default);

        Assert.Equal(GateStatus.Fail, run.Results[0].Status);
        Assert.Equal("the gate crashed: InvalidOperationException: cobertura.xml has no <coverage> element", run.Results[0].Summary);
        Assert.Equal(GateStatus.Fail, run.Results[1].Status);
        Assert.Equal("could not run: RSDK5003: Threshold='high' is not a number.", run.Results[1].Summary);
    }

    [Fact]
    public async Task A_non_blocking_gate_failure_is_a_warning_and_the_runner_owns_name_kind_and_duration()
    {
        using var dir = new TempDirectory();
        var log = new List<string>();
        var runner = Gates.Runner(new Dictionary<string, Func<GateContext, CancellationToken, Task<GateResult>>>
        {
            ["advisory"] = (_, _) => Task.FromResult(DelegateGate.Result("misreported", GateStatus.Fail, "2 findings") with { Kind = "other", Duration = TimeSpan.FromDays(1) }),
        });

        var run = await runner.RunAsync([Gates.Define("advisory", blocking: false)], Gates.Options(), Gates.Environment(dir.Path, log), default);

        var result = Assert.Single(run.Results);
        Assert.Equal(("advisory", GateKinds.Command, GateStatus.Warn), (result.Gate, result.Kind, result.Status));
        Assert.True(result.Duration < TimeSpan.FromMinutes(1));
        Assert.StartsWith("gate advisory: warn — 2 findings (Blocking=false: reported, not blocking) (", Assert.Single(log), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_gate_gets_its_settings_and_its_own_folder()
    {
        using var dir = new TempDirectory();
        GateContext? seen = null;
        var runner = Gates.Runner(new Dictionary<string, Func<GateContext, CancellationToken, Task<GateResult>>>
        {
            ["api/compat"] = (context, _) => { seen = context; return Task.FromResult(DelegateGate.Result("x", GateStatus.Pass)); },
        });
        var definition = Gates.Define("api/compat") with { Settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Threshold"] = "85" } };

        await runner.RunAsync([definition], Gates.Options(), Gates.Environment(dir.Path), default);

        Assert.Equal("85", seen!.Setting("threshold"));
        Assert.Equal(Path.Combine(dir.Path, "release-gates", "api_compat"), seen.OutputDirectory);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
