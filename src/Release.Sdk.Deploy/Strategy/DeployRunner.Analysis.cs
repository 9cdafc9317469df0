using System.Globalization;
using Release.Sdk.Deploy.Analysis;
using Release.Sdk.Deploy.Journal;
using Release.Sdk.Deploy.Plan;
using Release.Sdk.Deploy.Ports;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Deploy.Strategy;

internal sealed partial class DeployRunner
{
    /// <summary>
    /// One analysis step: every sample period one point per compared metric and group; every interval (and at the end)
    /// the thresholds over the interval, the minimum-request check and the comparison so far. A failure ends the step at
    /// once; a comparison still short of samples keeps collecting and is inconclusive (→ pause) only at the end.
    /// </summary>
    private async Task<StepOutcome> AnalyzeAsync(DeployJournal journal, AnalyzeStep step, CancellationToken cancellationToken)
    {
        var settings = journal.Plan.Analysis;
        var label = journal.CurrentStep;
        await SampleAsync(journal, journal.NewGroup, journal.StableGroup, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var start = time.GetUtcNow();
        var end = start + step.Duration;
        var intervalStart = start;
        var sampleStart = start;
        var compare = step.Compare && journal.Weights.GetValueOrDefault(journal.StableGroup) > 0 && journal.Weights.GetValueOrDefault(journal.NewGroup) > 0;
        var series = settings.Comparisons.ToDictionary(m => m.Name, _ => (Canary: new List<double>(), Stable: new List<double>()), StringComparer.Ordinal);
        while (true)
        {
            var now = time.GetUtcNow();
            var next = now + settings.SamplePeriod < end ? now + settings.SamplePeriod : end;
            await WaitAsync(journal, next - now, promotable: false, cancellationToken).ConfigureAwait(false);
            now = time.GetUtcNow();
            if (!compare) await SampleAsync(journal, journal.NewGroup, null, sampleStart, cancellationToken).ConfigureAwait(false);
            else
                foreach (var metric in settings.Comparisons)
                {
                    var canary = await TryQueryAsync(metric.Name, metric.Query, journal.NewGroup, sampleStart, now, cancellationToken).ConfigureAwait(false);
                    var stable = await TryQueryAsync(metric.Name, metric.Query, journal.StableGroup, sampleStart, now, cancellationToken).ConfigureAwait(false);
                    series[metric.Name].Canary.Add(canary is null ? double.NaN : ThresholdCheck.Reduce(Aggregate.Mean, canary));
                    series[metric.Name].Stable.Add(stable is null ? double.NaN : ThresholdCheck.Reduce(Aggregate.Mean, stable));
                }
            sampleStart = now;

            var atEnd = now >= end;
            if (now - intervalStart >= settings.Interval || atEnd)
            {
                var failure = await JudgeIntervalAsync(journal, label, "threshold", journal.NewGroup, intervalStart, now, journal.Breaches, cancellationToken).ConfigureAwait(false);
                if (failure is not null) return failure;
                if (compare)
                {
                    var comparison = JudgeComparisons(journal, label, series, start, now, atEnd);
                    if (comparison is not null) return comparison;
                }
                intervalStart = now;
            }
            if (atEnd) return StepOutcome.Next;
        }
    }

    /// <summary>The minimum-request check (no-data policy) and the thresholds over one interval; null when the deploy may go on.</summary>
    private async Task<StepOutcome?> JudgeIntervalAsync(DeployJournal journal, string label, string kind, string group, DateTimeOffset from, DateTimeOffset to, IDictionary<string, int> breaches, CancellationToken cancellationToken)
    {
        var settings = journal.Plan.Analysis;
        var results = new List<(ThresholdRule Rule, MetricResult? Result)>();
        foreach (var rule in settings.Thresholds)
            results.Add((rule, await TryQueryAsync(rule.Name, rule.Query, group, from, to, cancellationToken).ConfigureAwait(false)));
        var requests = results.Count == 0 ? (long?)null : results.Max(r => r.Result?.RequestCount ?? -1);
        if (requests is { } seen && seen < settings.MinRequests)
        {
            var noData = new Verdict(label, kind, "request-count", string.Join(", ", results.Select(r => r.Rule.Query)), from, to, Math.Max(seen, 0), settings.MinRequests,
                settings.NoData == NoDataPolicy.Pass ? VerdictOutcome.Pass : VerdictOutcome.NoData,
                seen < 0 ? $"no answer from the metric provider; no-data policy {settings.NoData.ToString().ToLowerInvariant()}"
                         : $"{seen} request(s) to {group}, fewer than the minimum {settings.MinRequests}; no-data policy {settings.NoData.ToString().ToLowerInvariant()}");
            Record(journal, noData);
            switch (settings.NoData)
            {
                case NoDataPolicy.Fail: return StepOutcome.Failed($"no data: {noData.Detail}", DiagnosticCatalog.DeployRolledBack, noData);
                case NoDataPolicy.Pause: return StepOutcome.Paused($"no data: {noData.Detail}");
                default: return null;
            }
        }
        foreach (var (rule, result) in results)
        {
            var value = result is null ? double.NaN : ThresholdCheck.Reduce(rule.Aggregate, result);
            if (double.IsNaN(value)) continue; // counted by the request check above; a single NaN window judges nothing
            var breached = ThresholdCheck.Breaches(rule, value);
            var count = BreachCounter.Record(breaches, rule.Name, breached);
            var tripped = count >= rule.Periods;
            var verdict = new Verdict(label, kind, rule.Name, rule.Query, from, to, value, rule.Threshold, tripped ? VerdictOutcome.Fail : VerdictOutcome.Pass,
                string.Create(CultureInfo.InvariantCulture, $"{rule.Aggregate.ToString().ToLowerInvariant()} {value:G4} {(rule.Above ? ">" : "<")} {rule.Threshold:G4}? {(breached ? $"yes, breach {count} of {rule.Periods} period(s)" : "no")}"));
            Record(journal, verdict);
            if (tripped) return StepOutcome.Failed($"{rule.Name} {verdict.Detail}", DiagnosticCatalog.DeployRolledBack, verdict);
        }
        return null;
    }

    private StepOutcome? JudgeComparisons(DeployJournal journal, string label, Dictionary<string, (List<double> Canary, List<double> Stable)> series, DateTimeOffset from, DateTimeOffset to, bool atEnd)
    {
        var settings = journal.Plan.Analysis;
        string? inconclusive = null;
        foreach (var metric in settings.Comparisons)
        {
            var (canary, stable) = series[metric.Name];
            var result = CanaryComparison.Judge(canary, stable, metric.HigherIsWorse, settings.Confidence, settings.MinSamples, settings.EffectTolerance);
            if (result.Outcome == VerdictOutcome.Pass && !atEnd) continue; // interim passes are not final: more samples may still show a shift
            if (result.Outcome == VerdictOutcome.Inconclusive && !atEnd) continue;
            var verdict = new Verdict(label, "comparison", metric.Name, $"{metric.Query} ({journal.NewGroup} vs {journal.StableGroup})", from, to,
                result.CanaryMedian, result.StableMedian, result.Outcome, result.Detail);
            Record(journal, verdict);
            if (result.Outcome == VerdictOutcome.Fail)
                return StepOutcome.Failed($"{metric.Name} is worse than on the stable version: {result.Detail}", DiagnosticCatalog.DeployRolledBack, verdict);
            if (result.Outcome == VerdictOutcome.Inconclusive) inconclusive ??= $"comparison of {metric.Name} inconclusive: {result.Detail}";
        }
        return inconclusive is null ? null : StepOutcome.Paused(inconclusive);
    }

    /// <summary>
    /// A query that only keeps the metric provider sampling: the router-stats provider derives a window's values from
    /// snapshots taken at queries, so a window needs one at its start and more inside it.
    /// </summary>
    private async Task SampleAsync(DeployJournal journal, string group, string? otherGroup, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var query = journal.Plan.Analysis.ErrorRateQuery;
        await TryQueryAsync("error-rate", query, group, from, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (otherGroup is not null) await TryQueryAsync("error-rate", query, otherGroup, from, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    private void Record(DeployJournal journal, Verdict verdict)
    {
        journal.Verdicts.Add(verdict);
        Save(journal);
        log($"  verdict: {verdict.Describe()}");
    }

    /// <summary>A provider failure is no data for that window (the no-data policy decides), logged, never a crash of the deploy.</summary>
    private async Task<MetricResult?> TryQueryAsync(string name, string expression, string group, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        try
        {
            return await target.Metrics.QueryAsync(new MetricQuery(name, expression, group), from, to, cancellationToken).ConfigureAwait(false);
        }
        catch (ReleaseException e)
        {
            log($"  metric {name} for {group}: {e.Code}: {e.Message}");
            return null;
        }
    }

    /// <summary>The new version's error rate and p95 over the step that just ended, for the timeline (NaN when it had no traffic).</summary>
    private async Task<(double ErrorRate, double P95)> MeasureStepAsync(DeployJournal journal, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (journal.Weights.GetValueOrDefault(journal.NewGroup) == 0 || now - journal.StepStartedAt < TimeSpan.FromSeconds(1)) return (double.NaN, double.NaN);
        var settings = journal.Plan.Analysis;
        var errors = await TryQueryAsync("error-rate", settings.ErrorRateQuery, journal.NewGroup, journal.StepStartedAt, now, cancellationToken).ConfigureAwait(false);
        var latency = await TryQueryAsync("p95-latency", settings.LatencyQuery, journal.NewGroup, journal.StepStartedAt, now, cancellationToken).ConfigureAwait(false);
        return (errors is null ? double.NaN : ThresholdCheck.Reduce(Aggregate.Mean, errors), latency is null ? double.NaN : ThresholdCheck.Reduce(Aggregate.Max, latency));
    }

    private static void RecordTimelinePoint(DeployJournal journal, DeployStep step, (double ErrorRate, double P95) measured)
    {
        var verdicts = journal.Verdicts.Where(v => v.Step == journal.CurrentStep && v.From >= journal.StepStartedAt).Select(v => v.Outcome).ToList();
        VerdictOutcome? worst = verdicts.Count == 0 ? null
            : verdicts.Contains(VerdictOutcome.Fail) ? VerdictOutcome.Fail
            : verdicts.Contains(VerdictOutcome.NoData) ? VerdictOutcome.NoData
            : verdicts.Contains(VerdictOutcome.Inconclusive) ? VerdictOutcome.Inconclusive
            : VerdictOutcome.Pass;
        journal.Timeline.Add(new TimelinePoint(journal.StepIndex, step.Label, journal.Heartbeat, journal.Weights.GetValueOrDefault(journal.NewGroup), measured.ErrorRate, measured.P95, worst));
    }
}
