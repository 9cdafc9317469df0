namespace Release.Sdk.Gates.Tooling;

/// <summary>Severity words used by the tools (NuGet: Low/Moderate/High/Critical; SARIF: note/warning/error) and by settings.</summary>
internal static class SeverityNames
{
    public static FindingSeverity? TryParse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "low" => FindingSeverity.Low,
        "medium" or "moderate" => FindingSeverity.Medium,
        "high" => FindingSeverity.High,
        "critical" => FindingSeverity.Critical,
        _ => null,
    };

    public static string Name(FindingSeverity severity) => severity.ToString().ToLowerInvariant();
}
