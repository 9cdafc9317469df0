using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace Release.Sdk.Cli.Diagnostics;

/// <summary>
/// Wall-clock times of a command's phases, printed to stderr when <c>RELEASE_SDK_TIMINGS=1</c> (a diagnostic for
/// performance work, not a documented option). The first line is the time from process start to the first mark:
/// runtime start-up, assembly loading and JIT of the command line parser. Each line also tells how much of it the JIT
/// compiler took (on all threads, so a parallel phase can show more JIT than wall time): what ReadyToRun could save.
/// </summary>
internal sealed class PhaseTimings
{
    public const string Variable = "RELEASE_SDK_TIMINGS";

    private readonly TextWriter _output;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly DateTime _processStart;
    private readonly DateTime _firstMark;
    private TimeSpan _jitBefore;

    private PhaseTimings(TextWriter output)
    {
        _output = output;
        _firstMark = DateTime.Now;
        using var process = Process.GetCurrentProcess();
        _processStart = process.StartTime;
    }

    /// <summary>Starts timing and prints the start-up line.</summary>
    /// <returns>null (no timing, no cost) unless the variable is set to 1.</returns>
    public static PhaseTimings? Start(CliContext context)
    {
        if (!context.Environment.TryGetValue(Variable, out var value) || value != "1") return null;
        var timings = new PhaseTimings(context.Error);
        timings._jitBefore = JitInfo.GetCompilationTime();
        timings.Write("process start → command", timings._firstMark - timings._processStart, timings._jitBefore);
        return timings;
    }

    /// <summary>Prints the time since the previous mark under <paramref name="phase"/>.</summary>
    public void Mark(string phase)
    {
        var elapsed = _clock.Elapsed;
        var jit = JitInfo.GetCompilationTime();
        Write(phase, elapsed, jit - _jitBefore);
        _jitBefore = JitInfo.GetCompilationTime();
        _clock.Restart();
    }

    private void Write(string phase, TimeSpan elapsed, TimeSpan jit) =>
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"timing: {phase,-28} {elapsed.TotalMilliseconds,7:F1} ms  (JIT {jit.TotalMilliseconds,6:F1} ms)"));
}
