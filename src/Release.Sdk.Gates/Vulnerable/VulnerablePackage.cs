using Release.Sdk.Gates.Tooling;

namespace Release.Sdk.Gates.Vulnerable;

/// <summary>A resolved package with a known advisory, as NuGet's audit reported it; FixedVersion when the advisory's range says.</summary>
internal sealed record VulnerablePackage(
    string Id,
    string Version,
    bool Transitive,
    FindingSeverity Severity,
    string AdvisoryUrl,
    IReadOnlyList<string> Projects,
    string? FixedVersion = null)
{
    /// <summary>The advisory id (GHSA-…) from the URL's last segment, or the URL itself.</summary>
    public string Advisory => AdvisoryUrl.TrimEnd('/').Split('/')[^1] is { Length: > 0 } last ? last : AdvisoryUrl;
}
