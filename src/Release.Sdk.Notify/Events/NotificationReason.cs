namespace Release.Sdk.Notify.Events;

/// <summary>
/// Why a release or deploy failed: a message, and where known the coded diagnostic, the step that failed and — for a
/// gate or a canary analysis — the metric, the value seen and the threshold it crossed.
/// </summary>
internal sealed record NotificationReason(string Message)
{
    public string? Code { get; init; }
    public string? Step { get; init; }
    public string? Metric { get; init; }
    public string? Value { get; init; }
    public string? Threshold { get; init; }
}
