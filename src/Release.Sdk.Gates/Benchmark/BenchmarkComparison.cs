namespace Release.Sdk.Gates.Benchmark;

internal enum BenchmarkVerdict
{
    /// <summary>Within the threshold (or faster).</summary>
    Ok,
    /// <summary>Slower by more than the threshold, but the runs' spread does not make it significant: noise is possible.</summary>
    SlowerNotSignificant,
    /// <summary>Slower by more than the threshold and significant at the chosen level.</summary>
    Regressed,
    /// <summary>Slower by more than the threshold and no spread to test (single iteration / Dry job): judged on the mean alone.</summary>
    RegressedUntested,
    /// <summary>Only in the current run.</summary>
    New,
    /// <summary>Only in the baseline (removed, renamed, or it failed to run now).</summary>
    Missing,
}

/// <param name="ChangePercent">(current − baseline) / baseline · 100; positive is slower.</param>
/// <param name="PValue">One-sided Welch p of "current is slower"; null without spread on both sides.</param>
/// <param name="ChangeLowPercent">Lower end of the 95 % confidence interval of the change, in % of the baseline mean.</param>
internal sealed record BenchmarkComparison(
    string Name,
    BenchmarkSample? Baseline,
    BenchmarkSample? Current,
    double? ChangePercent,
    double? PValue,
    double? ChangeLowPercent,
    double? ChangeHighPercent,
    BenchmarkVerdict Verdict);
