using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Tooling;

namespace Release.Sdk.Gates.Vulnerable;

/// <summary>
/// The vulnerable-dependencies gate's rules (the seed's `safety check` failed on any vulnerability): packages with an
/// advisory at or above the fail severity fail, lower ones warn.
/// </summary>
internal static class VulnerableEvaluator
{
    public static GateOutcome Evaluate(IReadOnlyList<VulnerablePackage> packages, FindingSeverity failAt, string repositoryRoot)
    {
        var figures = new List<GateFigure>();
        foreach (var severity in Enum.GetValues<FindingSeverity>().Reverse())
        {
            figures.Add(new GateFigure($"{SeverityNames.Name(severity)} advisories", packages.Count(p => p.Severity == severity), "packages",
                severity >= failAt ? 0 : null));
        }

        var findings = packages.Select(p => new GateFinding(p.Advisory, Describe(p), Relative(repositoryRoot, p.Projects.FirstOrDefault()), null,
            SeverityNames.Name(p.Severity))).ToList();
        var blocking = packages.Where(p => p.Severity >= failAt).ToList();
        if (blocking.Count > 0)
        {
            var upgrades = string.Join("; ", blocking.Select(p => p.FixedVersion is null
                ? $"{p.Id} {p.Version}: see {p.AdvisoryUrl}"
                : $"{p.Id} {p.Version} → {p.FixedVersion}"));
            return new GateOutcome(GateStatus.Fail,
                $"{blocking.Count} vulnerable package(s) at or above {SeverityNames.Name(failAt)}: {string.Join(", ", blocking.Select(p => $"{p.Id} {p.Version} ({SeverityNames.Name(p.Severity)})"))}",
                figures, findings,
                $"Upgrade ({upgrades}). For a transitive package, add a direct PackageReference (or PackageVersion with CentralPackageTransitivePinningEnabled) at the fixed version.");
        }
        if (packages.Count > 0)
        {
            return new GateOutcome(GateStatus.Warn, $"{packages.Count} vulnerable package(s) below {SeverityNames.Name(failAt)}", figures, findings,
                "Plan the upgrades; they do not block the release at this gate's Severity setting.");
        }
        return new GateOutcome(GateStatus.Pass, "no known vulnerable packages (direct and transitive)", figures, [], null);
    }

    private static string Describe(VulnerablePackage p) =>
        $"{p.Id} {p.Version}{(p.Transitive ? " (transitive)" : "")}: {SeverityNames.Name(p.Severity)} advisory {p.AdvisoryUrl}" +
        (p.FixedVersion is null ? "; fixed version unknown" : $"; fixed in {p.FixedVersion}");

    private static string? Relative(string root, string? path) =>
        path is null or "" ? null : Path.GetRelativePath(root, path).Replace('\\', '/');
}
