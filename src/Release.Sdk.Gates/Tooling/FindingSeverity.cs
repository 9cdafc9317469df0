namespace Release.Sdk.Gates.Tooling;

/// <summary>
/// One severity scale for the security and vulnerable-dependency gates, ordered so "at or above" is a comparison.
/// Bandit's low/medium/high and NuGet's Low/Moderate/High/Critical both map onto it.
/// </summary>
internal enum FindingSeverity
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
