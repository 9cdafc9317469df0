namespace Release.Sdk.Deploy.Analysis;

internal enum VerdictOutcome
{
    Pass,
    Fail,
    Inconclusive,
    NoData,
}

/// <summary>
/// One judgement, with everything needed to answer "why did it roll back?": which check, query, window, value,
/// threshold and step.
/// </summary>
/// <param name="Kind">"threshold", "comparison" or "monitor".</param>
/// <param name="Value">The measured value: the window's aggregate, or for a comparison the canary's median.</param>
/// <param name="Threshold">The limit, or for a comparison the stable median the canary was compared with.</param>
internal sealed record Verdict(
    string Step,
    string Kind,
    string Metric,
    string Query,
    DateTimeOffset From,
    DateTimeOffset To,
    double Value,
    double Threshold,
    VerdictOutcome Outcome,
    string Detail)
{
    public string Describe() =>
        $"{Metric} {Outcome.ToString().ToLowerInvariant()} ({Kind}: {Detail}; query '{Query}', window {From:HH:mm:ss}–{To:HH:mm:ss}, step {Step})";
}
