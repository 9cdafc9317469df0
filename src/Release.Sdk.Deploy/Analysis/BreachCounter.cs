namespace Release.Sdk.Deploy.Analysis;

/// <summary>
/// Consecutive breached periods per rule, CloudWatch-alarm style: a passing period resets the rule's count; the rule
/// fails when the count reaches its Periods. Kept in the journal so a resumed deploy does not forget breaches.
/// </summary>
internal static class BreachCounter
{
    public static int Record(IDictionary<string, int> counts, string rule, bool breached)
    {
        var count = breached ? counts.TryGetValue(rule, out var c) ? c + 1 : 1 : 0;
        counts[rule] = count;
        return count;
    }
}
