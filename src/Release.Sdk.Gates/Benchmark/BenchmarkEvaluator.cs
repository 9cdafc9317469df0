using System.Globalization;
using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Analysis;
using Release.Sdk.Gates.Baselines;

namespace Release.Sdk.Gates.Benchmark;

/// <summary>Turns the per-benchmark comparisons into the gate's verdict: status, figures, one finding per benchmark, remedy.</summary>
internal static class BenchmarkEvaluator
{
    public static GateVerdict Evaluate(IReadOnlyList<BenchmarkComparison> comparisons, IReadOnlyList<string> failedNow, double thresholdPercent, double alpha)
    {
        var compared = comparisons.Where(c => c.ChangePercent is not null).ToList();
        var regressed = compared.Count(c => c.Verdict is BenchmarkVerdict.Regressed or BenchmarkVerdict.RegressedUntested);
        var unsure = compared.Count(c => c.Verdict == BenchmarkVerdict.SlowerNotSignificant);
        var worst = compared.Count == 0 ? 0 : compared.Max(c => c.ChangePercent!.Value);

        var findings = comparisons.Select(c => Finding(c, thresholdPercent, alpha)).ToList();
        findings.AddRange(failedNow.Select(name => new GateFinding("benchmark-failed", $"{name}: the benchmark produced no results in this run", Severity: "error")));

        var figures = new List<GateFigure>
        {
            new("worst change", Math.Round(worst, 2), "%", thresholdPercent),
            new("benchmarks compared", compared.Count, "count"),
            new("significant regressions", regressed, "count", 0),
            new("over threshold, not significant", unsure, "count"),
            new("significance level", alpha, "alpha"),
        };

        var status = regressed > 0 || failedNow.Count > 0 ? GateStatus.Fail
            : unsure > 0 || compared.Count == 0 ? GateStatus.Warn
            : GateStatus.Pass;
        var summary = compared.Count == 0
            ? "no benchmark in common with the baseline"
            : FormattableString.Invariant(
                $"{compared.Count} benchmarks compared, worst change {worst:+0.0;-0.0;0.0} % (threshold {thresholdPercent:0.#} %), {regressed} significant regressions, {unsure} over threshold but not significant")
              + (failedNow.Count > 0 ? $", {failedNow.Count} failed to run" : "");
        var remedy = status switch
        {
            GateStatus.Fail when failedNow.Count > 0 && regressed == 0 =>
                "Fix the benchmarks that failed to run (see the benchmark log), then run the release again.",
            GateStatus.Fail =>
                "Find what made the listed benchmarks slower since the previous release and fix it; if the slowdown is intended, " +
                "update the baseline (or raise the gate's Threshold) in a commit that says why.",
            GateStatus.Warn when compared.Count == 0 =>
                "The baseline and the current run share no benchmark: check that Baseline points at the previous release's results.",
            GateStatus.Warn =>
                "Some benchmarks are slower than the threshold but within the noise of the runs: run them with more iterations " +
                "(e.g. --iterationCount 20) on a quiet machine to settle it.",
            _ => null,
        };
        return new GateVerdict(status, summary, figures, findings, remedy);
    }

    private static GateFinding Finding(BenchmarkComparison c, double thresholdPercent, double alpha)
    {
        var (rule, severity) = c.Verdict switch
        {
            BenchmarkVerdict.Regressed => ("regression", "error"),
            BenchmarkVerdict.RegressedUntested => ("regression-untested", "error"),
            BenchmarkVerdict.SlowerNotSignificant => ("slower-not-significant", "warning"),
            BenchmarkVerdict.New => ("new", "info"),
            BenchmarkVerdict.Missing => ("missing", "info"),
            _ => ("ok", "info"),
        };
        return new GateFinding(rule, Describe(c, thresholdPercent, alpha), Severity: severity);
    }

    public static string Describe(BenchmarkComparison c, double thresholdPercent, double alpha)
    {
        var inv = CultureInfo.InvariantCulture;
        return c.Verdict switch
        {
            BenchmarkVerdict.New => string.Create(inv, $"{c.Name}: new, {Time(c.Current!.Mean)} (no baseline)"),
            BenchmarkVerdict.Missing => string.Create(inv, $"{c.Name}: in the baseline only ({Time(c.Baseline!.Mean)}), not in this run"),
            _ => string.Create(inv, $"{c.Name}: {Time(c.Baseline!.Mean)} → {Time(c.Current!.Mean)} ({c.ChangePercent:+0.0;-0.0;0.0} %") +
                (c.PValue is { } p
                    ? string.Create(inv, $", 95 % CI {c.ChangeLowPercent:+0.0;-0.0;0.0} … {c.ChangeHighPercent:+0.0;-0.0;0.0} %, p = {p:0.####} (Welch, n = {c.Baseline.N}/{c.Current.N})")
                    : ", no spread to test: judged on the mean alone") +
                ")" + (c.Verdict switch
                {
                    BenchmarkVerdict.Regressed => string.Create(inv, $": slower than the {thresholdPercent:0.#} % threshold and significant (p < {alpha})"),
                    BenchmarkVerdict.RegressedUntested => string.Create(inv, $": slower than the {thresholdPercent:0.#} % threshold"),
                    BenchmarkVerdict.SlowerNotSignificant => string.Create(inv, $": over the {thresholdPercent:0.#} % threshold but not significant (p ≥ {alpha})"),
                    _ => "",
                }),
        };
    }

    private static string Time(double nanoseconds) => nanoseconds switch
    {
        >= 1e9 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e9:0.###} s"),
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e6:0.###} ms"),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e3:0.###} µs"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds:0.###} ns"),
    };
}
