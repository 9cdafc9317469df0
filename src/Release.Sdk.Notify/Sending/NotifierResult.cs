using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Notify.Configuration;

namespace Release.Sdk.Notify.Sending;

internal enum NotifierOutcome
{
    Sent,

    /// <summary>Not meant for this event (filtered by Events/Environments, no action for the event, or already sent for this release).</summary>
    Skipped,

    Failed,
}

/// <summary>What became of one notifier's message; <see cref="Detail"/> never holds a secret.</summary>
internal sealed record NotifierResult(string Name, NotifierKind Kind, NotifierOutcome Outcome, string Detail)
{
    /// <summary>Delivery attempts made (0 when skipped).</summary>
    public int Attempts { get; init; }

    /// <summary>For failures: RSDK6501 (delivery) or RSDK6503 (secret not set).</summary>
    public DiagnosticDescriptor? Descriptor { get; init; }

    public override string ToString() => $"{Name} ({Kind.ToString().ToLowerInvariant()}): {Outcome.ToString().ToLowerInvariant()}{(Detail.Length > 0 ? $" — {Detail}" : "")}";
}
